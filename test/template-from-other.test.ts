/**
 * Issue 21: `template --from` with last year's file of another department, or of a name that only
 * resembles the target, says so before prefilling (before: prefilled in silence).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { expect, it } from 'vitest';
import { tempDir } from './helpers/temp';

const CLI = path.resolve(__dirname, '../dist/node/cli/main.js');
const LAST = path.resolve(__dirname, '../examples/某某县财政局-2024.xlsx');
const work = tempDir('xxgk-from-');
const template = (agency: string) =>
  spawnSync('node', [CLI, 'template', '--year', '2025', '--agency', agency, '--from', LAST, '-o', path.join(work, `${agency}.xlsx`)], {
    encoding: 'utf8',
  });

it.each([
  ['某某县民政局', '注意：「某某县财政局-2024.xlsx」是「某某县财政局」的报告，不是「某某县民政局」的；仍按它预填上年数字'],
  ['财政局', '注意：「某某县财政局-2024.xlsx」的单位名称「某某县财政局」与「财政局」只是相近'],
])('--agency %s: says whose file it is', (agency, said) => {
  const r = template(agency);
  expect(r.status).toBe(0);
  expect(r.stderr).toContain(said);
});

it('the same department: nothing to say', () => {
  const r = template('某某县财政局');
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
});
