/**
 * The region's tree (`xxgk evaluate --tree 区划.txt`, docs/evaluate.md "hierarchy"): which agencies
 * are a government's departments, so that a government's report covering them (全县) can be held
 * against the sum of theirs. One agency a line, in either of two ways, mixed as one likes:
 *
 *     某某县人民政府                     某某县人民政府 > 某某县财政局
 *       某某县财政局                     某某县人民政府 > 某某县教育局
 *       某某县教育局                     某某县人民政府 > 某某镇人民政府 > 某某镇财政所
 *
 * a line indented deeper than the one above is its department; `上级 > 下级` (also `＞`) names a
 * department outright, a chain naming each link. `#` starts a comment. An agency under two
 * different governments, or a government under itself, is an error naming the line.
 */
import { agencyKey } from '../batch/agency';

export interface Tree {
  /** Each government's departments (names as written in the tree), by the government's name as written. */
  departments: Map<string, string[]>;
}

export class TreeError extends Error {
  constructor(
    readonly line: number,
    readonly why: 'two_parents' | 'cycle' | 'empty',
    readonly name: string,
    readonly other: string,
  ) {
    super(`${why} at line ${line}: ${name}`);
  }
}

/** The width of a line's indentation: a tab is 4, a full-width space 2. */
function indentOf(line: string): number {
  let w = 0;
  for (const ch of line) {
    if (ch === ' ') w += 1;
    else if (ch === '\t') w += 4;
    else if (ch === '\u3000') w += 2;
    else break;
  }
  return w;
}

export function parseTree(text: string): Tree {
  const departments = new Map<string, string[]>();
  const parentOf = new Map<string, { name: string; line: number }>();
  const written = new Map<string, string>();
  const name = (s: string) => {
    const k = agencyKey(s);
    if (!written.has(k)) written.set(k, s.trim());
    return written.get(k)!;
  };
  const link = (parent: string, child: string, line: number) => {
    const p = name(parent),
      c = name(child);
    if (agencyKey(p) === agencyKey(c)) throw new TreeError(line, 'cycle', c, p);
    const had = parentOf.get(agencyKey(c));
    if (had && agencyKey(had.name) !== agencyKey(p)) throw new TreeError(line, 'two_parents', c, had.name);
    if (had) return;
    // A government under its own department (directly or further down) is a cycle.
    for (let up: string | undefined = p; up; up = parentOf.get(agencyKey(up))?.name)
      if (agencyKey(up) === agencyKey(c)) throw new TreeError(line, 'cycle', c, p);
    parentOf.set(agencyKey(c), { name: p, line });
    departments.set(p, [...(departments.get(p) ?? []), c]);
  };
  /** The lines above, by indentation: the nearest less indented is the parent. */
  const stack: { indent: number; name: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const body = raw.replace(/#.*$/, '');
    if (!body.trim()) return;
    const chain = body
      .split(/[>＞]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (chain.length > 1) {
      for (let k = 1; k < chain.length; k++) link(chain[k - 1], chain[k], line);
      stack.length = 0;
      return;
    }
    const indent = indentOf(body);
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const agency = name(chain[0]);
    if (stack.length) link(stack[stack.length - 1].name, agency, line);
    stack.push({ indent, name: agency });
  });
  if (!departments.size) throw new TreeError(0, 'empty', '', '');
  return { departments };
}
