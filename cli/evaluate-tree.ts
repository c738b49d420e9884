/**
 * The region's tree (xxgk evaluate --tree 区划.txt, core/evaluate/tree.ts), read before any report:
 * a file that cannot be read, or a tree with an agency under two governments, is a bad command line
 * (status 2) naming the file and the line.
 */
import type { Lang } from '../core/model/findings';
import { say } from '../core/messages';
import { decodeText } from '../core/read/decode';
import { readInputFile } from '../core/node/read';
import { parseTree, TreeError, type Tree } from '../core/evaluate/tree';
import { messageOf, UsageError } from './args';
import { shown } from './terminal';

/** A tree file is a list of names: a megabyte holds a province's. */
const TREE_BYTES = 1 << 20;

export function treeOf(file: string | undefined, lang: Lang): Tree | null {
  if (file === undefined) return null;
  let text: string;
  try {
    text = decodeText(readInputFile(file, { maxBytes: TREE_BYTES }));
  } catch (e) {
    throw new UsageError(say(lang, 'evaluate.tree_unreadable', { file: shown(file), why: messageOf(e, lang) }));
  }
  try {
    return parseTree(text);
  } catch (e) {
    if (e instanceof TreeError)
      throw new UsageError(
        say(lang, `evaluate.tree.${e.why}`, { file: shown(file), line: e.line, name: shown(e.name), other: shown(e.other) }),
      );
    throw e;
  }
}
