/**
 * Issue 20: every command over the hostile corpus (hostile PDFs, a zip bomb, a long line of label
 * words), one run each, with its wall time and the highest resident memory of the command and its
 * child processes (GNU time's %M: the largest of them). Prints one line per run and the worst of
 * each; bounded means every run ends within check's per-file limit and its memory limit.
 * Run: npx tsx bench/soak-commands.ts (after npm run build:node).
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { manyTextItemsPdf, nestedArraysPdf, nestedSavesPdf, pageTreeLoopPdf, streamBombPdf } from './hostile-pdf';
import { lyingBombXlsx } from './hostile';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-soak-commands-'));
const good = path.join(dir, 'good.xlsx');
copyFileSync(path.join(root, 'examples', '某某县财政局-2024.xlsx'), good);
const words = ['本年新收政府信息公开申请数量', '予以公开', '部分公开', '自然人', '商业企业'];
const lines = Array.from({ length: 600_000 }, (_, i) => words[i % words.length]).join(' ');
const corpus: Record<string, Buffer> = {
  'saves.pdf': nestedSavesPdf(100_000),
  'bomb.pdf': streamBombPdf(1000),
  'arrays.pdf': nestedArraysPdf(100_000),
  'loop.pdf': pageTreeLoopPdf(),
  'items.pdf': manyTextItemsPdf(200_000),
  'bomb.xlsx': lyingBombXlsx(200, 1000),
  'labels.txt': Buffer.from(`表三\n${lines}\n`),
};
const out = (n: string) => path.join(dir, `out-${n}`);
const commands: [string, (f: string) => string[]][] = [
  ['check', (f) => ['check', f]],
  ['import', (f) => ['import', f]],
  ['export', (f) => ['export', f, '-o', out('x.csv')]],
  ['fill', (f) => ['fill', f, '-o', out('x.xlsx')]],
  ['sum', (f) => ['sum', good, f, '-o', out('s.xlsx')]],
  ['template --from', (f) => ['template', '--year', '2025', '--from', f, '-o', out('t.xlsx')]],
  ['check --prior', (f) => ['check', good, '--prior', f]],
];
let worstS = 0;
let worstMB = 0;
for (const [name, data] of Object.entries(corpus)) {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  for (const [cmd, args] of commands) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, ...args(file)], { encoding: 'utf8', timeout: 600_000 });
    const [s, kb] = (r.stderr.trim().split('\n').pop() ?? '0 0').split(' ').map(Number);
    worstS = Math.max(worstS, s);
    worstMB = Math.max(worstMB, kb / 1024);
    const said = r.stderr.includes('内部错误') ? 'INTERNAL ERROR' : `exit ${r.status}`;
    console.log(`${cmd.padEnd(16)} ${name.padEnd(12)} ${s.toFixed(1).padStart(6)} s ${(kb / 1024).toFixed(0).padStart(5)} MB  ${said}`);
  }
}
console.log(`worst: ${worstS.toFixed(1)} s, ${worstMB.toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
