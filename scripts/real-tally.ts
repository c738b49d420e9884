/**
 * Issue 18's closing note: per input kind, how many real published reports are read exactly and
 * how many false findings remain. Reads every report of test/helpers/real-reports.ts through the
 * one core path (checkFile, as `xxgk check` does) and prints the table, then each report's line.
 *
 *   npx tsx scripts/real-tally.ts            (reports kept out of the repository: XXGK_REAL_DIR=folder)
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { checkFileRead } from '../core/check/file';
import '../core/node/read';
import { judge, KINDS, misreadRows, realFile, REAL, tally, type Kind } from '../test/helpers/real-reports';

interface Row {
  reports: number;
  exact: number;
  withFalse: number;
  falseFindings: number;
  missed: number;
  absent: string[];
}

async function main(): Promise<void> {
  const rows = new Map<Kind, Row>(KINDS.map((k) => [k, { reports: 0, exact: 0, withFalse: 0, falseFindings: 0, missed: 0, absent: [] }]));
  const lines: string[] = [];
  for (const r of REAL) {
    const row = rows.get(r.kind)!;
    const file = realFile(r);
    if (!file) {
      row.absent.push(r.file);
      lines.push(
        `${r.file}: not present (kept out of the repository: ${r.local?.repo} ${r.local?.path} @ ${r.local?.commit.slice(0, 10)})`,
      );
      continue;
    }
    const { result, located } = await checkFileRead({ name: r.file, bytes: new Uint8Array(readFileSync(file)) }, {});
    const report = located[0];
    const wrong = report ? misreadRows(r.file, report) : [{ row: 'all', read: 'unread', published: '' }];
    const exact = !!report && wrong.length === 0 && report.agency === r.agency && report.year === r.year && report.format === r.format;
    const { falseCount, missing } = judge(r, tally(result.reports.flatMap((x) => x.findings)));
    row.reports++;
    if (exact) row.exact++;
    if (falseCount) row.withFalse++;
    row.falseFindings += falseCount;
    row.missed += missing;
    const misread = wrong.map((m) => `${m.row} read "${m.read}" published "${m.published}"`).join('; ');
    lines.push(
      `${r.file}: ${exact ? 'read exactly' : `misread ${misread || `agency ${report?.agency}`}`}; false findings ${falseCount}; true findings missed ${missing}`,
    );
  }
  const fixtures = path.join(__dirname, '..', 'test', 'fixtures', 'real');
  const excerpts = readdirSync(fixtures).filter((f) => f.endsWith('.txt') && !REAL.some((r) => r.file === f)).length;
  console.log(
    '| input kind | real reports | read exactly | reports with false findings | false findings | true findings missed | not present here |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const sum: Row = { reports: 0, exact: 0, withFalse: 0, falseFindings: 0, missed: 0, absent: [] };
  for (const [kind, x] of rows) {
    console.log(`| ${kind} | ${x.reports} | ${x.exact} | ${x.withFalse} | ${x.falseFindings} | ${x.missed} | ${x.absent.length || ''} |`);
    for (const k of ['reports', 'exact', 'withFalse', 'falseFindings', 'missed'] as const) sum[k] += x[k];
    sum.absent.push(...x.absent);
  }
  console.log(
    `| total | ${sum.reports} | ${sum.exact} | ${sum.withFalse} | ${sum.falseFindings} | ${sum.missed} | ${sum.absent.length || ''} |`,
  );
  console.log(`\n(${excerpts} further text copies in test/fixtures/real/ end before their tables: not counted.)\n`);
  for (const l of lines) console.log(l);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
