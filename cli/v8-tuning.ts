/**
 * V8 flags for xxgk's processes: bin/xxgk.js sets them in the main process before anything else is
 * loaded, and the checking processes (cli/pool.ts, cli/read-child.ts) start with them.
 *
 * A command is over in seconds, most of it in code that runs a few hundred times. V8 optimises a
 * function once it has run its "interrupt budget" of bytecode (about 132 KB by default): a larger
 * budget leaves code that a short run barely uses unoptimised instead of compiling it on a helper
 * thread. Measured with bench/commands.ts (issue 22): see the README's speed section.
 */
export const V8_FLAGS: readonly string[] = ['--interrupt-budget=1000000'];
