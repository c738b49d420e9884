/**
 * A text read from a workbook keeps no part of the sheet's XML alive. V8 cuts a substring out of a
 * long string as a slice that points at the whole: a label kept in the locator's caches
 * (core/read/cache.ts, bounded by count) kept the whole XML of its file, some 20–35 KB a file
 * measured over 600 report workbooks checked in one process — memory that grew with the files'
 * size, not with what was kept. Checked in a process of its own, on the built reader, with a heap
 * snapshot: after checking workbooks whose sheet carries 2 MB of text, no string of that size is
 * left.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, writeFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookBytes, reportSheets } from './helpers/workbooks';
import { balancedValues } from './helpers/synthetic';
import { tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
});

describe('the direct .xlsx reader', () => {
  it('keeps no sheet XML alive through the texts it read', () => {
    const dir = tempDir('xxgk-slices-');
    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { sheets } = reportSheets({ format: '2021', year: 2024, agency: `某某县第${i + 1}局`, values: balancedValues('2021', i + 1) });
      // A long note below the report: the sheet's XML grows past 2 MB.
      const rows = sheets[0].aoa;
      for (let k = 0; k < 400; k++) rows.push([`说明第${k}条：${'本机关认真贯彻落实政府信息公开条例。'.repeat(150)}`]);
      files.push(path.join(dir, `${i}.xlsx`));
      writeFileSync(files[i], bookBytes(sheets));
    }
    const script = `
      const v8 = require('v8');
      const { checkPath } = require(${JSON.stringify(path.join(root, 'dist', 'node', 'cli', 'worker.js'))});
      (async () => {
        const kept = [];
        for (const f of ${JSON.stringify(files)}) kept.push(await checkPath(f, { lang: 'zh', located: true }));
        const snap = JSON.parse(require('fs').readFileSync(v8.writeHeapSnapshot(${JSON.stringify(path.join(dir, 'h.heapsnapshot'))}), 'utf8'));
        const m = snap.snapshot.meta, F = m.node_fields.length, types = m.node_types[0];
        let big = 0;
        for (let i = 0; i < snap.nodes.length; i += F)
          if (types[snap.nodes[i]] === 'string' && snap.nodes[i + 3] > 1 << 20) big++;
        console.log(JSON.stringify({ big, reports: kept.map((r) => r.reports.length) }));
      })();`;
    const r = spawnSync(process.execPath, ['--max-old-space-size=512', '-e', script], { encoding: 'utf8', maxBuffer: 16 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const { big, reports } = JSON.parse(r.stdout) as { big: number; reports: number[] };
    expect(reports).toEqual([1, 1, 1]);
    expect(big).toBe(0);
  });
});
