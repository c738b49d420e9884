/**
 * The shape of a form file (core/forms/format-YYYY.json). A form is pure data: the tables, their
 * header trees, row label paths, value kinds and the rule texts. Code never names a row or
 * column of a particular year; it reads them from here.
 */

import type { ValueKind } from '../model/values';

export type { ValueKind };

export type TableKey = 'T2' | 'T3' | 'T4';

export interface ColumnSpec {
  key: string;
  /** Header path from the top header row down to this column's own label (merged where shared). */
  header: string[];
  /** Short name used in messages (defaults to the last header element). */
  short?: string;
  /** Other spellings seen in real reports, matched loosely as well. */
  aliases?: string[];
  /** Overrides the block's kind. */
  kind?: ValueKind;
  /** Unit printed in messages, e.g. 万元. */
  unit?: string;
  /**
   * The decimal places the format itself prescribes for this money column (2019: 采购总金额（单位：万元，
   * 保留4位小数）): more is an error. Where the format prescribes none (2021: 本年收费金额（单位：万元）),
   * more than 4 is a warning only: a figure exact to the fen in 万元 has 6, and is correct.
   */
  decimals?: number;
}

export interface RowSpec {
  key: string;
  /** Label path from the outermost label column to the innermost (merged where shared). */
  label: string[];
  short?: string;
  aliases?: string[];
}

export interface BlockSpec {
  /** A caption row merged across the whole table (表二's 第二十条第（一）项). */
  caption?: string;
  /** Text of the top-left corner cell over the label columns (信息内容, 表三's 勾稽关系 note). */
  corner?: string;
  /** How many columns the row labels occupy (0 for 表四, which has no label column). */
  labelWidth: number;
  /** Default kind of the block's value cells. */
  kind: ValueKind;
  columns: ColumnSpec[];
  rows: RowSpec[];
}

export interface TableSpec {
  key: TableKey;
  /** Section title as printed in the report, e.g. 三、收到和处理政府信息公开申请情况. */
  title: string;
  /** Short name in messages: 表三. */
  short: string;
  shortEn: string;
  blocks: BlockSpec[];
}

export interface RuleText {
  /** One rule family in the rule language (see core/rules/parse.ts). */
  text: string;
  description: { zh: string; en: string };
}

/** A layout some real reports print instead of the official one (2019-style （六） in a 2021 report). */
export interface VariantSpec {
  table: TableKey;
  /** Rows of the official layout that this variant prints as one row. */
  replaces: string[];
  row: RowSpec;
  /** Finding raised when a report uses the variant. */
  finding: string;
}

export interface FormSpec {
  key: string;
  name: string;
  issuedBy: string;
  /** Report years this format officially applies to (inclusive; `to` null = still current). */
  years: { from: number; to: number | null };
  /** Words whose presence in a table's headers identifies this format. */
  signature: { table: TableKey; words: string[] }[];
  tables: TableSpec[];
  rules: RuleText[];
  variants?: Record<string, VariantSpec>;
}
