#!/usr/bin/env node
// The CLI is compiled by `npm run build:node` (run by `prepare` on `npm ci`).
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
// Before the build there is no catalogue: the language is chosen here as cli/args.ts chooses it.
const args = process.argv.slice(2);
const asked = args.find((a, i) => a.startsWith('--lang=') || args[i - 1] === '--lang');
const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
const lang = (asked ? asked.replace('--lang=', '') : locale.slice(0, 2).toLowerCase()) === 'en' ? 'en' : 'zh';
if (!fs.existsSync(main)) {
  console.error(
    lang === 'en'
      ? 'xxgk is not built yet: run `npm ci` (or `npm run build:node`) first.'
      : 'xxgk 尚未编译：请先运行 npm ci（或 npm run build:node）。',
  );
  process.exit(2);
}
// V8's flags for a short-lived command (cli/v8-tuning.ts), before the command's code is loaded.
require('v8').setFlagsFromString(require(path.join(__dirname, '..', 'dist', 'node', 'cli', 'v8-tuning.js')).V8_FLAGS.join(' '));
require(main)
  .main(args)
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // main() answers every failure itself; this is the last guard, one line, never a stack trace.
      console.error(`xxgk: ${(err && err.message) || err}`);
      process.exitCode = 2;
    },
  );
