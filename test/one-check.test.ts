/**
 * Issue 19 A: one check everywhere. The command line's checking processes (cli/worker.ts
 * checkPath), the pane on files (addin/files.ts checkFile) and the pane on a host's cells
 * (addin/pane.ts checkHost) all go through core's checkFile, so that they agree on:
 *  - a Word letter without tables (不是报表, with the command line's sentence, not "no tables");
 *  - a file of several published reports (each report checked with its own text);
 *  - an untouched template in a host (未填写, as the command line says of the file);
 *  - which of two files of one department is kept (the same whatever order they come in);
 *  - the rule tallies, which survive a copy of the result.
 * The same comparison in Chromium (the built pane, the Excel and WPS fakes): one-check-browser.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { checkPath } from '../cli/worker';
import { checkFile as paneCheckFile, bookToMemory } from '../addin/files';
import { checkHost, insertTemplate } from '../addin/pane';
import { MemoryHost, MemoryWorkbook } from '../addin/host-memory';
import { analyseBatch } from '../core/batch/analyse';
import { summariseFindings, type FileResult } from '../core/model/findings';
import { docxBytes } from './helpers/docx';
import { publishedText } from './helpers/published';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';
import { SAMPLE_FILES } from './helpers/samples';

const ROOT = path.join(__dirname, '..');

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A cover letter: a Word document of sentences, no table. */
const LETTER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body><w:p><w:r><w:t>关于报送2024年政府信息公开工作年度报告的函</w:t></w:r></w:p><w:p><w:r><w:t>现将我局年度报告报送你办，请审阅。</w:t></w:r></w:p></w:body></w:document>`;

/** The command line's result and the pane's for the same file (written to disk for the command line). */
async function bothFaces(file: string, lang: 'zh' | 'en' = 'zh'): Promise<{ cli: FileResult; pane: FileResult }> {
  const cli = await checkPath(file, { lang });
  const entry = await paneCheckFile(file, new Uint8Array(fs.readFileSync(file)), lang);
  return { cli, pane: { path: entry.name, status: entry.status, error: entry.error, reports: entry.reports } };
}

describe('one check: the command line and the pane give the same result', () => {
  it('every example and every fixture: the same result, tallies included, in both languages', async () => {
    expect(SAMPLE_FILES.length).toBeGreaterThan(20);
    for (const file of SAMPLE_FILES)
      for (const lang of ['zh', 'en'] as const) {
        const { cli, pane } = await bothFaces(file, lang);
        expect(pane, `${path.basename(file)} ${lang}`).toEqual(cli);
      }
  });

  it('a Word letter without tables is 不是报表 in both, in the same words', async () => {
    const file = path.join(tempDir(), '财政局报送函.docx');
    fs.writeFileSync(file, docxBytes(LETTER));
    const { cli, pane } = await bothFaces(file);
    expect(cli.error!.code).toBe('docx');
    expect(pane).toEqual(cli); // before: the pane said no_tables ("没有找到……统计表")
    const batch = analyseBatch([{ result: pane, mtime: null }], { lang: 'zh' });
    expect(batch.rows[0].verdict).toBe('not_report');
  });

  it('a page of two reports: each report is checked with its own text, as the command line does', async () => {
    const a = publishedText('2021', balancedValues('2021', 1), 'tabs', { agency: '某某县财政局', year: 2024 });
    const b = publishedText('2021', balancedValues('2021', 2), 'tabs', { agency: '某某县民政局', year: 2024 });
    const file = path.join(tempDir(), '两份年报.txt');
    fs.writeFileSync(file, `${a}\n\n${b}`);
    const { cli, pane } = await bothFaces(file);
    expect(cli.reports).toHaveLength(2);
    expect(pane).toEqual(cli);
    const entry = await paneCheckFile(file, new Uint8Array(fs.readFileSync(file)), 'zh');
    // Before: every report was given the whole file's text.
    const [first, second] = entry.located.map((r) => r.textLines!.map((l) => l.ref));
    expect(first.some((ref) => second.includes(ref))).toBe(false);
  });

  it("a host's untouched template is 未填写, as the command line says of the file", async () => {
    const host = new MemoryHost(new MemoryWorkbook(), '某某县财政局.xlsx');
    await insertTemplate(host, { year: 2024, agency: '某某县财政局' });
    const out = await checkHost(host, 'all', 'zh');
    expect(out.reports[0].findings.map((f) => f.rule)).toContain('batch.unfilled'); // before: a warning per blank cell
    // Its blank cells are not checked one by one: skipped, not passed.
    expect(summariseFindings(out.reports[0]).find((s) => s.rule === 'cell.blank')).toMatchObject({ passed: 0, failed: 0 });
    // The same book through the command line's path (the pane's copy written out and read back is another test).
    const book = (await host.read('all')).book;
    const again = await checkHost(new MemoryHost(bookToMemory(book), '某某县财政局.xlsx'), 'all', 'zh');
    expect(again.reports).toEqual(out.reports);
  });

  it('the tallies are in the result: a copy (structuredClone, JSON) summarises as the original', async () => {
    const file = path.join(ROOT, 'examples', '某某县教育局-2024-有错误.xlsx');
    const { pane } = await bothFaces(file);
    const r = pane.reports[0];
    expect(r.rules?.length).toBeGreaterThan(5);
    const whole = summariseFindings(r);
    expect(whole.find((s) => s.rule === 'T3.results_total')).toMatchObject({ instances: 7, passed: 6, failed: 1 });
    expect(summariseFindings(structuredClone(r))).toEqual(whole);
    expect(summariseFindings(JSON.parse(JSON.stringify(r)))).toEqual(whole);
  });
});

describe('one batch decision: the same kept file whatever the order the files came in', () => {
  it('two files of one department saved in the same second: kept by name, in the pane and the command line alike', async () => {
    const dir = tempDir();
    const names = ['统计局年报.txt', '统计局年报（修改）.txt'];
    const results: FileResult[] = [];
    for (const [i, n] of names.entries()) {
      const file = path.join(dir, n);
      fs.writeFileSync(file, publishedText('2021', balancedValues('2021', i + 1), 'tabs', { agency: '某某县统计局', year: 2024 }));
      results.push(await checkPath(file, { lang: 'zh' }));
    }
    const kept = (order: number[], mtimes: number[], prefer?: 'newest') => {
      const b = analyseBatch(
        order.map((i) => ({ result: structuredClone(results[i]), mtime: mtimes[i] })),
        { lang: 'zh', prefer },
      );
      return b.rows.filter((r) => r.verdict !== 'duplicate').map((r) => path.basename(r.path));
    };
    // The command line lists a folder sorted and reads times to a fraction of a millisecond; a
    // browser gives the files in the order picked and File.lastModified in whole milliseconds.
    const t = 1_733_580_000_000;
    const cli = kept([0, 1], [t + 0.75, t + 0.25]);
    const pane = kept([1, 0], [t, t]);
    expect(cli).toEqual(pane); // before: the CLI kept the first by a fraction of a millisecond, the pane the first picked
    expect(cli).toHaveLength(1);
    // A file named as a revision counts over a newer one (issue 18); with --prefer newest, the newer by whole seconds.
    expect(kept([0, 1], [t + 5000, t])).toEqual([names[1]]);
    expect(kept([1, 0], [t + 5000, t])).toEqual([names[1]]);
    expect(kept([0, 1], [t + 5000, t], 'newest')).toEqual([names[0]]);
    expect(kept([1, 0], [t + 5000, t], 'newest')).toEqual([names[0]]);
  });
});
