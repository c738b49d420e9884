/**
 * The built-in rule texts (the official forms' rules and the text.* rules' targets), parsed when
 * the project is built (scripts/parse-form-rules.ts writes parsed-forms.json), so that checking
 * with them never loads mathjs: its load was the costliest step of starting a check. Keys are the
 * parse cache's (file and text): a rule whose text changed after the file was written is simply
 * parsed again. test/rules-precompiled.test.ts holds the file equal to a fresh parse.
 */
import type { ParsedRule } from './parse';
import parsed from './parsed-forms.json';

export const PRECOMPILED: Record<string, ParsedRule[]> = parsed as unknown as Record<string, ParsedRule[]>;
