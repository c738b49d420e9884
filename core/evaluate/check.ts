/**
 * What an evaluator's check is (issue 23): a piece of data in the registry (checks.ts) that, given
 * one agency's reports over the years and the whole region, gives the evidence against each report,
 * and says each piece of evidence as a sentence. A new check is one file and one line in checks.ts;
 * the record, the score (rulebook.ts), the text, the JSON and the reports pick it up.
 */
import type { Lang } from '../model/findings';
import { say } from '../messages';
import type { Placed } from './place';
import type { Rulebook } from './rulebook';
import type { Tree } from './tree';

/** A piece of evidence: the file, the cell (its address in the file) and the report's year. */
export interface Evidence {
  file: string;
  year: number;
  cell: string | null;
  ref: string | null;
  rule?: string;
  expected?: number | null;
  actual?: number | null;
  /** The file and year of last year's figure, for a chain break or a copied table. */
  prior?: { file: string; year: number; ref: string | null; value?: number };
  table?: string;
  /** The finding's sentence (a balance error), in the language checked. */
  message?: string;
  /** A sentence quoted from the report, with where it is (e.g. `第 12 行`). */
  quote?: { ref: string; text: string };
  /** A date the check rests on (ISO yyyy-mm-dd), e.g. the page's 发布日期. */
  date?: string;
  /** The last day the check held the date against (yyyy-mm-dd), e.g. the deadline of 条例第四十九条. */
  deadline?: string;
  /** A share (0–100), e.g. the text overlap with another report. */
  percent?: number;
  /** The other report a finding compares with (copied text: another agency's, or the agency's own earlier one). */
  other?: { agency: string; file: string; year: number };
  /** Passages shared with the other report, longest first: quoted from this report, with the line in each. */
  passages?: { ref: string; otherRef: string; text: string; chars: number }[];
  /** A government's report against the sum of its departments': those summed and those missing from the sum. */
  departments?: { summed: string[]; missing: string[] };
  /** How many cells a finding stands for (a government's figures above a sum short of its missing departments). */
  cells?: number;
  /** The department most likely wrong (its cell, when its own table does not balance there), or the one left out. */
  suspect?: { agency: string; file: string; ref: string | null; value: number | null };
  /** A warning: said, but not a failure and no points lost (the house rule: when unsure, a warning). */
  severity?: 'warning';
  /** How many instances this piece counts for (a cell of 3 cases corrected: 3); 1 when absent. */
  weight?: number;
}

/** One agency's placed reports, by year (one per year). */
export interface AgencyReports {
  agency: string;
  reports: Placed[];
}

/** The region being evaluated: every agency's reports, for checks that compare across agencies. */
export interface Region {
  agencies: AgencyReports[];
  lang: Lang;
  /** The region's tree (--tree): each government's departments; null when not given (no hierarchy check). */
  tree?: Tree | null;
  /** The rulebook the score is figured under: a check reads its threshold (Deduction.threshold) from it. */
  rulebook: Rulebook;
}

/** A place in a text report ("line 12", as readers write it) in the language of the sentence; a cell address as it is. */
export const placeIn = (lang: Lang, ref: string): string => {
  const m = /^line (\d+)$/.exec(ref);
  return m ? say(lang, 'cli.line_ref', { line: m[1] }) : ref;
};

/** How a sentence shows text from a file (the command line makes control characters visible). */
export type Show = (s: string) => string;

export interface EvalCheck {
  /** The check's key: in the record, the rulebook and the catalogues (evaluate.check.KEY is its column name). */
  key: string;
  /** Evidence against each report of the agency, in the order of `agency.reports`. */
  run(agency: AgencyReports, region: Region): Evidence[][];
  /**
   * Why a report could not be judged by this check (a key of evaluate.not_judged.* in the
   * catalogues: no 发布日期, text not whole …), or null when it was; in the order of `agency.reports`.
   * A report not judged loses no points and its record says why.
   */
  notJudged?(agency: AgencyReports, region: Region): (string | null)[];
  /** One piece of evidence as a sentence, in the language asked for. */
  sentence(e: Evidence, at: { agency: string; year: number }, lang: Lang, show: Show): string;
}
