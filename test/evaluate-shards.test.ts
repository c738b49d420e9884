/**
 * xxgk evaluate --shard i/N and --merge (docs/evaluate.md, "Shards"), through the built command and
 * its checking processes: three shards of a region (test/helpers/region.ts) merged give exactly the
 * JSON of one run over the whole folder with --jobs 2; a folder mounted elsewhere splits the same
 * way; a part missing, given twice, cut short, of other options or another version is refused with
 * a sentence saying which.
 */
import { execFileSync, spawnSync } from 'child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRegion } from './helpers/region';
import { tempDir } from './helpers/temp';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'xxgk.js');
const xxgk = (args: string[]) =>
  spawnSync(process.execPath, [bin, 'evaluate', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build:node'], { cwd: root });
});

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l) as { key?: string; version?: string; options?: { years: unknown }; end?: boolean });

describe('xxgk evaluate in shards', () => {
  const base = tempDir('xxgk-shards-');
  const region = writeRegion(path.join(base, '某某县'), { chain: true, copiedYear: true, late: true, copiedText: true, unpublished: true });
  const opts = ['--agencies', region.list, '--years', '2020-2025'];
  const parts = [1, 2, 3].map((i) => path.join(base, `part-${i}.jsonl`));
  let whole: string;

  it('merges three shards into exactly what one run over the folder gives', () => {
    const one = xxgk([region.dir, ...opts, '--json', '--jobs', '2']);
    expect(one.status, one.stderr).toBe(0);
    whole = one.stdout;
    parts.forEach((part, i) => {
      const r = xxgk([region.dir, ...opts, '--shard', `${i + 1}/3`, '--out', part, '--jobs', '1', '--lang', 'zh']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`第 ${i + 1}/3 片`);
    });
    // Each file in one part only, every file in one; each part ends with its closing line.
    const keys = parts.flatMap((p) =>
      lines(p)
        .filter((l) => l.key !== undefined)
        .map((l) => l.key!),
    );
    expect(keys.sort()).toEqual([...region.files].sort());
    for (const p of parts) expect(lines(p).at(-1)!.end).toBe(true);
    for (const p of parts) expect(lines(p).filter((l) => l.key !== undefined).length).toBeGreaterThan(3);

    const merged = xxgk(['--merge', ...parts, '--json']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole));
    // The parts in any order.
    const shuffled = xxgk(['--merge', parts[2], parts[0], parts[1], '--json']);
    expect(shuffled.stdout).toBe(merged.stdout);
    // The text output too: the table, each finding, every file and report not evaluated.
    expect(xxgk(['--merge', ...parts, '--lang', 'zh']).stdout).toBe(xxgk([region.dir, ...opts, '--lang', 'zh']).stdout);
  });

  it('splits a folder mounted elsewhere the same way', () => {
    const elsewhere = path.join(base, '别处', '某某县');
    cpSync(region.dir, elsewhere, { recursive: true });
    // The part written into the folder itself: a later shard's listing leaves it out, and says so.
    const inside = path.join(elsewhere, 'part-2.jsonl');
    expect(xxgk([elsewhere, ...opts, '--shard', '2/3', '--out', inside]).status).toBe(0);
    const part = path.join(base, 'elsewhere-2.jsonl');
    const again = xxgk([elsewhere, ...opts, '--shard', '2/3', '--out', part, '--lang', 'zh']);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('是本程序生成的评估的部分结果');
    const keys = (p: string) => lines(p).flatMap((l) => (l.key === undefined ? [] : [l.key]));
    expect(keys(inside)).toEqual(keys(parts[1]));
    expect(keys(part)).toEqual(keys(parts[1]));
  });

  const refused = (args: string[], words: string) => {
    const r = xxgk(['--merge', ...args, '--lang', 'zh']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(words);
  };
  const altered = (name: string, edit: (text: string) => string) => {
    const file = path.join(base, name);
    writeFileSync(file, edit(readFileSync(parts[1], 'utf8')));
    return file;
  };

  it('refuses a shard missing, and a shard given twice', () => {
    refused([parts[0], parts[2]], '缺少第 2 片');
    refused([parts[0], parts[1], parts[1], parts[2]], '第 2/3 片给出了两次');
  });

  it('refuses a part cut short, or damaged', () => {
    const short = altered('short.jsonl', (t) => t.split('\n').slice(0, -3).join('\n'));
    refused([parts[0], short, parts[2]], '不完整');
    const damaged = altered('damaged.jsonl', (t) => t.replace(/\n\{"index"/, '\n{"index'));
    refused([parts[0], damaged, parts[2]], '已损坏');
  });

  it('refuses parts of other options or of another version, and a file that is no part', () => {
    const years = altered('years.jsonl', (t) => t.replace('"years":{"from":2020,"to":2025}', '"years":{"from":2021,"to":2025}'));
    refused([parts[0], years, parts[2]], '年度范围（--years）不同');
    const version = altered('version.jsonl', (t) => t.replace(/"version":"[^"]*"/, '"version":"0.0.1"'));
    refused([parts[0], version, parts[2]], '由 xxgk 0.0.1 写出');
    refused([parts[0], region.list, parts[2]], '不是 xxgk evaluate --shard 写出的部分结果文件');
    refused([...parts, '--years', '2021-2025'], '合并时给出的年度范围');
    refused([...parts, '--shard', '1/3'], '--shard 与 --merge 不能同时使用');
    const out = xxgk([region.dir, '--out', path.join(base, 'x.jsonl'), '--lang', 'zh']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--out 只用于分片运行');
  });
});

describe('a part, written and read back', () => {
  it('keeps every number as read, NaN and infinities included (JSON has none)', async () => {
    const { PartWriter, readParts } = await import('../cli/evaluate-parts');
    const { Inputs, planOutput } = await import('../cli/write');
    const file = path.join(tempDir('xxgk-part-'), 'part-1.jsonl');
    const cells = {
      'T3:R1:natural': { ref: 'A1', raw: NaN },
      'T3:R2:natural': { ref: 'A2', raw: Infinity },
      'T3:R4:natural': { ref: 'A3', raw: -Infinity },
    };
    const read = {
      path: 'x.xlsx',
      result: { path: 'x.xlsx', status: 'checked' as const, error: null, reports: [] },
      located: [{ format: '2021', year: 2024, agency: '某某县甲局', sheet: null, cells, notes: [], tables: ['T3'] }],
    };
    const options = { lang: 'zh' as const, years: null, agencies: null };
    const w = new PartWriter(planOutput(file, 'zh', new Inputs()), {
      shard: { index: 1, count: 1 },
      options,
      files: 1,
      left: [],
      decoded: [],
    });
    w.add(0, 'x.xlsx', read);
    expect(w.close()).toBe(1);
    const merged = await readParts([file], 'zh');
    expect(merged.files).toEqual([read]);
    expect(merged.options).toEqual(options);
  });
});
