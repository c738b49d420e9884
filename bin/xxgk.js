#!/usr/bin/env node
// The CLI is compiled by `npm run build:node` (run by `prepare` on `npm ci`).
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  console.error(
    'xxgk 尚未编译：请先运行 npm ci（或 npm run build:node）。\nxxgk is not built yet: run `npm ci` (or `npm run build:node`) first.',
  );
  process.exit(2);
}
require(main)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`xxgk: ${(err && err.stack) || err}`);
      process.exitCode = 2;
    },
  );
