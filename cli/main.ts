/**
 * `xxgk` entry: dispatches to one module per subcommand (cli/commands/NAME.ts), each exporting
 * `run(argv: string[]): Promise<number>` that returns the exit status.
 */
import { say } from '../core/messages';
import { langIn, messageOf } from './args';
import { err, shown } from './terminal';
import { usage } from './usage';

const commands: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  check: () => import('./commands/check'),
  rules: () => import('./commands/rules'),
  template: () => import('./commands/template'),
  fill: () => import('./commands/fill'),
  sum: () => import('./commands/sum'),
  export: () => import('./commands/export'),
  import: () => import('./commands/import'),
  evaluate: () => import('./commands/evaluate'),
};

/**
 * A reader that stops reading (`xxgk check DIR | head -1`) closes the pipe: the rest of the output
 * has nowhere to go, so the command ends there, quietly, as programs in a pipeline do.
 */
let quiet = false;
function quietOnClosedPipe(): void {
  if (quiet) return; // once per process (tests run main() many times in one)
  quiet = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      process.exit(1);
    });
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage(langIn(rest)));
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    err(`xxgk: ${say(langIn(rest), 'cli.unknown_command', { name: shown(name) })}\n\n${usage(langIn(rest))}`);
    return 2;
  }
  try {
    return await (await load()).run(rest);
  } catch (e) {
    // A failure no command caught: one line in the command's language, never a stack trace.
    err(`xxgk: ${shown(messageOf(e, langIn(rest)))}\n`);
    return 1;
  }
}

if (require.main === module) {
  // direct `node dist/node/cli/main.js`
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`xxgk: ${shown(err instanceof Error ? err.message : String(err))}\n`);
      process.exitCode = 2;
    },
  );
}
