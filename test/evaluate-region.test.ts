/**
 * xxgk evaluate over a region (issue 23, "Test data": test/helpers/region.ts): five agencies over
 * 2020–2025 as .xlsx, .docx, saved pages and text, across the 2019→2021 change of format, with real
 * published reports, a note and a truncated workbook beside them. A clean region scores full marks;
 * each planted fault is found by the check it belongs to, and by no other report's; every file is
 * accounted for. Checks still being written (text copying `copying`) are asserted as soon as they
 * are in the registry.
 */
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { writeRegion, REGION_AGENCIES, REGION_YEARS, type Planted, type WrittenRegion } from './helpers/region';
import { tempDir } from './helpers/temp';
import { outputCapture } from './helpers/output';
import { run } from '../cli/commands/evaluate';
import { checkNamed, DEFAULT_RULEBOOK } from '../core/evaluate';

interface Doc {
  records: { agency: string; year: number; file: string; score: number; checks: { check: string; result: string; count: number }[] }[];
  files: { file: string; status: string; reports: number }[];
  unplaced: { file: string; why: string }[];
  missing: { agency: string; year: number }[];
}

const { out, capture } = outputCapture();

async function evaluated(region: WrittenRegion): Promise<Doc> {
  capture();
  const code = await run([region.dir, '--json', '--lang', 'zh', '--agencies', region.list, '--years', '2020-2025']);
  expect(code).toBe(0);
  return JSON.parse(out.join('')) as Doc;
}

/** Each file written is in the account once; a file read holds its reports, each evaluated or said why not. */
function everyFileAccounted(doc: Doc, region: WrittenRegion) {
  const names = doc.files.map((f) => path.basename(f.file));
  expect(names.sort()).toEqual([...region.files].sort());
  for (const f of doc.files) {
    const evaluated = doc.records.filter((r) => r.file === f.file).length;
    const said = doc.unplaced.filter((u) => u.file === f.file).length;
    expect(evaluated + said, f.file).toBe(f.status === 'read' ? f.reports : 0);
  }
}

const failing = (doc: Doc, check: string) =>
  doc.records.filter((r) => r.checks.find((c) => c.check === check)?.result === 'fail').map((r) => `${r.agency}${r.year}`);
const at = (p: Planted | undefined) => `${p!.agency}${p!.year}`;

describe('xxgk evaluate on a region', () => {
  const clean = writeRegion(path.join(tempDir('xxgk-region-'), '某某县'));
  const faulty = writeRegion(path.join(tempDir('xxgk-region-'), '某某县'), {
    chain: true,
    copiedYear: true,
    late: true,
    copiedText: true,
    unpublished: true,
  });
  let faultyDoc: Doc;

  it('scores a clean region full marks, every check passed, every file accounted for', async () => {
    const doc = await evaluated(clean);
    expect(doc.records).toHaveLength(REGION_AGENCIES.length * REGION_YEARS.length);
    for (const r of doc.records) {
      expect(r.score, `${r.agency}${r.year}`).toBe(DEFAULT_RULEBOOK.full);
      expect(
        // A check with nothing to judge by (a workbook's text, a page without 发布日期) says so: neither pass nor fail.
        r.checks.filter((c) => c.result !== 'pass' && c.result !== 'not_judged').map((c) => c.check),
        `${r.agency}${r.year}`,
      ).toEqual([]);
    }
    expect(doc.missing).toEqual([]);
    everyFileAccounted(doc, clean);
    // The note and the list are no reports; the truncated workbook cannot be read; the real reports are read, each said.
    const status = (name: string) => doc.files.find((f) => path.basename(f.file) === name)?.status;
    expect(status('报送说明.txt')).toBe('not_report');
    expect(status('某某县残缺局-2024.xlsx')).toBe('unreadable');
    for (const f of doc.files.filter((x) => path.basename(x.file).startsWith('真实-'))) expect(f.status, f.file).toBe('read');
  });

  it('finds a broken chain in the year that breaks it, and only there', async () => {
    faultyDoc = await evaluated(faulty);
    everyFileAccounted(faultyDoc, faulty);
    const broken = failing(faultyDoc, 'chain');
    expect(broken).toContain(at(faulty.planted.chain));
    // A copied year breaks the chain too (its 上年结转 is the year before's); nothing else does.
    expect(broken.sort()).toEqual([at(faulty.planted.chain), at(faulty.planted.copiedYear)].sort());
  });

  it('finds a copied year as tables identical to last year', () => {
    expect(failing(faultyDoc, 'identical')).toEqual([at(faulty.planted.copiedYear)]);
  });

  it('names the listed agency without a report of a year as not published', () => {
    const p = faulty.planted.unpublished!;
    expect(faultyDoc.missing).toEqual([{ agency: p.agency, year: p.year }]);
  });

  it('scores every report without a planted fault full marks', () => {
    // The agency copied from shares the copied text: the 雷同 check may name it too.
    const planted = new Set([...Object.values(faulty.planted).map(at), `${REGION_AGENCIES[3]}${faulty.planted.copiedText!.year}`]);
    for (const r of faultyDoc.records.filter((x) => !planted.has(`${x.agency}${x.year}`)))
      expect(r.score, `${r.agency}${r.year}`).toBe(DEFAULT_RULEBOOK.full);
  });

  it('finds the saved page published after the deadline (timeliness)', () => {
    expect(failing(faultyDoc, 'timely')).toEqual([at(faulty.planted.late)]);
  });

  it('scores the listed agency without a report of a year under 未发布', () => {
    expect(failing(faultyDoc, 'published')).toEqual([at(faulty.planted.unpublished)]);
  });

  it.skipIf(!checkNamed('copying'))('finds the text copied from another agency (雷同)', () => {
    const copied = failing(faultyDoc, 'copying');
    expect(copied).toContain(at(faulty.planted.copiedText));
    // The agency copied from shares the text (the same passages); no other report does.
    const source = `${REGION_AGENCIES[3]}${faulty.planted.copiedText!.year}`;
    expect(copied.filter((k) => k !== source)).toEqual([at(faulty.planted.copiedText)]);
  });
});
