/**
 * Notes on how a report was read, as data (a catalogue key of the locate section and its
 * parameters), put in words in the reader's language only where they are shown.
 */
import { say, type Catalogue, type MessageParams } from '../messages';
import type { Lang } from '../model/findings';
import type { ReadNote } from '../model/report';

export type NoteKey = Extract<keyof Catalogue, `locate.${string}`>;

/** A note of the given kind. */
export function note<K extends NoteKey>(key: K, params: MessageParams<K> & ReadNote['params']): ReadNote {
  return { key, params };
}

/** The note in words, in lang. */
export function noteText(lang: Lang, n: ReadNote): string {
  return say(lang, n.key as NoteKey, n.params as never);
}

/** Notes collected while reading: each said once, in the order found. */
export interface Notes {
  list: ReadNote[];
  add(n: ReadNote): void;
}

export function newNotes(): Notes {
  const list: ReadNote[] = [];
  const seen = new Set<string>();
  return {
    list,
    add: (n) => {
      const id = `${n.key}\u0000${JSON.stringify(n.params)}`;
      if (seen.has(id)) return;
      seen.add(id);
      list.push(n);
    },
  };
}
