/**
 * The pane's words: Chinese first, English on the switch. They live with every other sentence in
 * the message catalogue (core/messages/zh-pane.ts, en-pane.ts); this module hands them to the
 * components.
 */
import { PANE, type PaneStrings } from '../core/messages';
import type { Lang } from '../core/model/findings';

export type { Lang };
export type Strings = PaneStrings;

export const STRINGS: Record<Lang, Strings> = PANE;
