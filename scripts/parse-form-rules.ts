/**
 * Writes core/rules/parsed-forms.json: every official form's rules as parsed (core/rules/precompiled.ts).
 * Run after editing a form's rules: `npx tsx scripts/parse-form-rules.ts` (the test
 * rules-precompiled says when it is due).
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { formRulesParsed } from '../test/helpers/parsed-forms';

const out = path.join(__dirname, '..', 'core', 'rules', 'parsed-forms.json');
writeFileSync(out, formRulesParsed());
process.stdout.write(`${out}\n`);
