/** The official forms' rules parsed at build time (core/rules/parsed-forms.json) are what a fresh parse gives. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { formRulesParsed } from './helpers/parsed-forms';

describe('precompiled form rules', () => {
  it('parsed-forms.json is up to date (else: npx tsx scripts/parse-form-rules.ts)', () => {
    const file = readFileSync(path.join(__dirname, '..', 'core', 'rules', 'parsed-forms.json'), 'utf8');
    expect(file).toBe(formRulesParsed());
  });

  it('checking with the built-in rules never loads mathjs', () => {
    const script = `
      const { checkData } = require('./dist/node/core/checkfile.js');
      const fs = require('fs');
      for (const f of fs.readdirSync('examples')) checkData(fs.readFileSync('examples/' + f), f);
      const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/]mathjs[\\\\/]/.test(k));
      process.stdout.write(String(loaded.length));`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
    expect(out).toBe('0');
  });
});
