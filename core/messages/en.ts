/**
 * English message catalogue: the same keys and parameters as zh.ts (the type says so). Labels
 * quoted from a report may stay in Chinese; nothing else does.
 */
import type { Expected } from '../forms/validate';
import type { Catalogue } from './zh';
import { count } from './plural';
import { enUsage } from './en-usage';
import { enNotice } from './en-notice';
import { enLimits } from './en-limits';
import { enReading } from './en-reading';
import { enOutputs } from './en-outputs';
import { enBatch } from './en-batch';
import { enEvaluate } from './en-evaluate';
import { enEvaluateReport } from './en-evaluate-report';
import { enEvaluateParts } from './en-evaluate-parts';
import { enFormulas } from './en-formulas';
import { enTotals } from './en-totals';

/** A table by its key (T2, T3, T4). */
const TABLES_EN: Record<string, string> = { T2: 'Table 2', T3: 'Table 3', T4: 'Table 4' };
const tableEn = (t: string) => TABLES_EN[t] ?? t;

export const en: Catalogue = {
  ...enUsage,
  ...enNotice,
  ...enLimits,
  ...enReading,
  ...enOutputs,
  ...enBatch,
  ...enEvaluate,
  ...enEvaluateReport,
  ...enEvaluateParts,
  ...enFormulas,
  ...enTotals,
  // ── read ──────────────────────────────────────────────────────────────────────────────────────
  'read.not_zip': (p) => `${p.file} is not a spreadsheet: neither an .xlsx/.ods (zip package) nor an .xls file`,
  'read.encrypted': (p) =>
    `${p.file} is password-protected (encrypted) and cannot be read; save a copy without the password and check that`,
  'read.truncated': (p) => `${p.file} is truncated (an interrupted download or copy?) and cannot be read`,
  'read.not_workbook': (p) => `${p.file} is not a workbook${p.detail ? ` (${p.detail})` : ''}; perhaps another kind of file renamed`,
  'read.too_large': (p) => `${p.file} is too large (${p.detail ?? ''}); not read to avoid running out of memory`,
  'read.no_tables': (p) => `no tables of the annual report (tables 2, 3, 4) found in ${p.file}`,
  'read.empty': (p) => `${p.file} is empty`,
  'read.unexpected': (p) => `${p.file} cannot be read (an internal error, please report it: ${p.detail ?? ''})`,
  'read.damaged': (p) =>
    `${p.file} is damaged (the directory or a part of its zip package cannot be read); open it in Excel or WPS, save it again and check that`,
  'read.mixed_reports': (p) =>
    `${p.file} holds several reports on one sheet that cannot be told apart (${p.detail ?? ''}); put each report on a sheet of its own and check again`,
  'read.detail.text_file': () => 'a text file',
  'read.detail.no_sheets': () => 'no sheets',
  'read.detail.unpacked': (p) => `${p.size} unpacked, over ${p.limit}`,
  'read.detail.part_unpacked': (p) => `its part ${p.part} unpacks to ${p.size}, over the ${p.limit} allowed for one part`,
  'read.detail.parts_unpacked': (p) => `its sheets and other parts to parse unpack to ${p.size} together, over the ${p.limit} allowed`,
  'read.detail.stream_over': (p) => `its stream ${p.part} holds ${p.size}, over the ${p.limit} allowed for one part`,
  'read.detail.cells_repeated': (p) =>
    `${p.part ? `its part ${p.part} repeats` : 'repeats'} cells into more than ${p.limit.toLocaleString('en-US')} cells`,
  // ── read.kind ─────────────────────────────────────────────────────────────────────────────────
  'read.word_binary': (p) =>
    `${p.file} is a Word document in the ${p.detail || '.doc'} format, whose tables cannot be read; save it as .docx or .xlsx in Word or WPS and check that`,
  'read.docx': (p) => `no tables of the annual report (tables 2, 3, 4) found in ${p.file}; this Word document is not the tables`,
  'read.pdf': (p) => `no tables of the annual report (tables 2, 3, 4) found in ${p.file}; this PDF is not the tables`,
  'read.image': (p) => `${p.file} is a picture, not a report file; give the report as Word, Excel, PDF or a web page`,
  'read.archive': (p) => `${p.file} is an archive; unpack it and check the report files inside`,
  'read.not_docx': (p) => `${p.file} is not a readable Word document${p.detail ? ` (${p.detail})` : ''}`,
  'read.scanned_pdf': (p) =>
    `${p.file} is a scanned PDF with no text layer, so its figures cannot be read; give the report as Word, Excel or a PDF with text`,
  'read.pdf_fonts': (p) =>
    `${p.file} has a text layer, but the encoding of its fonts is unknown, so its text cannot be read; give the report as Word, Excel or a web page`,
  'read.pdf_no_borders': (p) =>
    `the tables in ${p.file} have no drawn borders, so their rows and columns cannot be rebuilt reliably (a blank cell leaves no trace); give the report as Word, Excel or a web page`,
  'read.not_pdf': (p) => `${p.file} is not a readable PDF${p.detail ? ` (${p.detail})` : ''}`,
  'read.encoding': (p) =>
    `the text encoding of ${p.file} is not recognised (${p.detail ?? ''} bytes are neither UTF-8 nor GB18030): it reads as garbage and no tables are found; save it as UTF-8 and check again`,

  // ── locate ────────────────────────────────────────────────────────────────────────────────────
  'locate.format_by_headers': (p) => `format ${p.format} recognised from the table headers`,
  'locate.format_by_year': (p) => `the headers do not tell the format; ${p.format} by the year ${p.year}`,
  'locate.format_by_default': (p) => `neither the headers nor a year tell the format; read as ${p.format}`,
  'locate.format_not_of_year': (p) => `the ${p.year} report uses format ${p.format}, not ${p.expected}`,
  'locate.year_from_name': (p) => `the report does not state its year; ${p.year} is taken from the file name (for notes and warnings only)`,
  'locate.old_rows': (p) => `a ${p.format} report printing the old row “${p.row}”`,
  'locate.table_missing': (p) => `${tableEn(p.table)} not found`,
  'locate.row_loose': (p) => `${tableEn(p.table)} row “${p.written}” read as “${p.official}”`,
  'locate.column_loose': (p) => `${tableEn(p.table)} column “${p.written}” read as “${p.official}”`,
  'locate.row_by_position': (p) => `${tableEn(p.table)} row “${p.row}” found by its position`,
  'locate.rows_missing': (p) => `${tableEn(p.table)}: rows not found: ${p.rows.map((r) => `“${r}”`).join(', ')}`,
  'locate.columns_by_position': (p) => `${tableEn(p.table)}: columns found by their position: ${p.columns.map((c) => `“${c}”`).join(', ')}`,
  'locate.mixed_detail': (p) => `sheet ${p.sheet} has “${p.label}” on rows ${p.rows.join(', ')}`,
  'locate.report_area': (p) => `sheet ${p.sheet} holds ${p.count} reports; this one is at ${p.area}`,
  'locate.several_to_fill': (p) =>
    `${p.file}: sheet ${p.sheet} holds ${p.reports.length} reports (${p.reports
      .map((r) => `${r.agency || 'agency unknown'} at ${r.area}`)
      .join(', ')}); fill takes one at a time: copy the report to fill onto a sheet or file of its own and fill that`,
  'locate.no_header': (p) =>
    `${tableEn(p.table)}: no header found, columns read by their position: ${p.columns.map((c) => `“${c}”`).join(', ')}`,

  // ── check ─────────────────────────────────────────────────────────────────────────────────────
  'check.holds.text': (p) => `"${p.text}" is not a number`,
  'check.holds.formula_error': (p) =>
    p.formula
      ? `the formula =${p.formula} fails (${p.text}): there is no value; check the cells it refers to`
      : `holds the error value ${p.text}, not a number; enter the number`,
  'check.holds.date': (p) =>
    `holds the date ${p.text}, not a number; to enter a number, format the cell as General or Number and type it again`,
  'check.holds.not_finite': (p) => `"${p.text}" is not a finite number`,
  'check.holds.too_precise': (p) => `${p.text} has more than 60 decimals: no count or amount has`,
  'check.holds.too_long': (p) => `holds a text of ${p.length} characters ("${p.text}"), not a number`,
  'check.at': (p) => `${p.where}: ${p.what}`,
  'check.cell_name': (p) => `${p.table} ${p.row ? `row ${p.row}, ` : ''}column ${p.column}`,
  'check.blank': (p) =>
    p.placeholder
      ? `holds "${p.placeholder}", read as blank (counted as 0 in equations); write 0 for none`
      : 'is blank (counted as 0 in equations); write 0 for none',
  'check.text_number': (p) => `text "${p.raw}" read as the number ${p.value}${p.yuan ? ' (yuan converted to 10,000 yuan)' : ''}`,
  'check.integer': (p) => `a count must be a whole number, found ${p.value}`,
  'check.nonnegative': (p) => `must not be negative, found ${p.value}`,
  'check.decimals': (p) => `money (in 10,000 yuan) has ${p.places} decimals in this format, found ${p.value}`,
  'check.decimals_unprescribed': (p) =>
    `money (in 10,000 yuan) written with ${p.places} decimals (${p.value}); the format sets no places and 4 are usual: please check (6 is exact to the fen and correct)`,
  'check.formula_computed': (p) => `the formula =${p.formula} was saved without its result; computed as ${p.value}`,
  'check.year_mismatch': (p) =>
    `a ${p.year} report should use format ${p.due} (“${p.issuedBy}”), but its tables are in format ${p.format}; checked as ${p.format}`,
  'check.old_rows': (p) =>
    `a format ${p.format} Table 3 splits "${p.label}" into ${p.parts} rows; this report prints the old single row and was checked with it`,
  'check.missing_table': (p) => `${p.table} (“${p.title}”) was not found; its ${p.skipped} equations were not checked`,
  'check.missing_rows': (p) => `rows: ${p.rows.map((r) => `“${r}”`).join(', ')}`,
  'check.missing_cell_list': (p) => `cells: ${p.cells.join(', ')}${p.more ? '…' : ''}`,
  'check.missing_cells': (p) => `${p.table} lacks ${p.count} cells (${p.what}); ${p.skipped} equations involving them were not checked`,
  'check.instance.column': (p) => `${p.table}, column ${p.column}`,
  'check.instance.row': (p) => `${p.table}, row ${p.row}`,
  'check.instance.group': (p) => `${p.table}, ${p.group}`,
  'check.last_year': () => ' (last year)',
  'check.blank_value': () => 'blank',
  'check.sum_of': (p) => `the sum of ${p.parts} parts`,
  'check.equation': (p) =>
    `${p.where}: ${p.lhs}, but ${p.rhs}${p.op ? ` (should be ${p.op})` : ''}${p.blanks ? ' (blank cells counted as 0)' : ''}`,
  'check.slip.sign': () => 'looks like a flipped sign',
  'check.slip.swapped': (p) => `looks like two digits swapped (${p.written} → ${p.suggested})`,
  'check.slip.extra': (p) => `looks like a digit typed twice or extra (${p.written} → ${p.suggested})`,
  'check.slip.dropped': (p) => `looks like a dropped digit (${p.written} → ${p.suggested})`,
  'check.reason': (p) =>
    `${p.slip ? `${p.slip}; ` : ''}with ${p.value}${p.others ? ` (together with ${p.others} other cell${p.others > 1 ? 's' : ''})` : ''} every equation holds${p.alternatives > 1 ? `; ${p.alternatives} equally small explanations exist` : ''}`,
  'check.blank_total': (p) => `the total is blank; its parts add up to ${p.value}`,
  'check.text_value': (p) => `its equations give ${p.value}`,

  'check.text_under_sum': (p) =>
    `"${p.raw}" is text, which the sheet's SUM formulas leave out, so ${p.totals.length + p.more} total${p.totals.length + p.more > 1 ? 's are' : ' is'} short by ${p.value} (${p.totals.join('; ')}${p.more ? `; ${p.more} more` : ''}); delete the words and enter the number ${p.value}`,
  'check.short_total': (p) => `${p.name} shows ${p.saved}, should be ${p.typed}`,
  'check.text_under_sum_reason': (p) => `entered as the number ${p.value}, the totals' formulas come right`,
  'check.total_cycle': (p) => `The form file is wrong: its totals form a loop (through cell ${p.cell})`,
  'check.form_invalid': (p) => {
    const where = `form file ${p.file}${p.at ? `, at ${p.at}` : ''}`;
    const type: Record<Expected, string> = {
      text: 'a non-empty text',
      number: 'a whole number ≥ 0',
      year: 'a year (2000–2100)',
      list: 'a list',
      object: 'an object',
      kind: 'count, signed or money',
      table: 'T2, T3 or T4',
      texts: 'a list of texts',
    };
    const q = p.problem;
    if (q.kind === 'unknown_key') return `${where}: unknown key "${q.key}" (misspelt?)`;
    if (q.kind === 'missing') return `${where}: the required "${q.key}" is missing`;
    if (q.kind === 'duplicate') return `${where}: the key "${q.key}" is used twice`;
    if (q.kind === 'years') return `${where}: its report years overlap ${q.other}'s or come before them`;
    return `${where}: should be ${type[q.expected]}`;
  },
  'check.unknown_format': (p) => `unknown report format "${p.format}" (known: ${p.known.join(', ')})`,
  'check.unknown_variant': (p) => `format ${p.format} has no variant "${p.variant}"`,
  // ── rules ─────────────────────────────────────────────────────────────────────────────────────
  'rules.syntax': (p) => `${p.file}:${p.line}:${p.column}: bad rule: expected ${p.expected}, found ${p.found}`,
  'rules.expect.head': () => 'a rule id and a colon, e.g. "T3.balance [error]:"',
  'rules.expect.rule_id': () => 'a rule id',
  'rules.expect.attribute': () => 'error, warning, notice or total',
  'rules.expect.total_lhs': () => 'a single cell on the left side of a [total] rule',
  'rules.expect.double_equals': () => '"==" (equations use two equals signs)',
  'rules.expect.character': () => 'a cell name, a number or + - * ( )',
  'rules.expect.comparison': () => 'an equation or inequality (==, <=, >=)',
  'rules.expect.term': () => 'a cell, a number, +, -, *, sum(…) or prior(…)',
  'rules.expect.one_comparison': () => 'a single comparison',
  'rules.expect.value': () => 'a value (a cell name or a number)',
  'rules.expect.closing': () => 'a closing parenthesis ")"',
  'rules.expect.rest': () => 'the rest of the expression',
  'rules.expect.operand': () => 'a value before the operator',
  'rules.expect.expression': () => 'a valid expression',
  'rules.expect.table': () => 'a table T2, T3 or T4',
  'rules.expect.key_of': (p) => `a ${p.kind} of ${p.table}`,
  'rules.expect.cell_id': () => 'TABLE:ROW:COLUMN, e.g. "T3:R1:natural"',
  'rules.expect.full_cell_id': () => 'a full cell name TABLE:ROW:COLUMN (the rule has no for-each scope)',
  'rules.expect.linear': () => 'a linear form: one factor must be a constant',
  'rules.expect.prior_once': () => 'prior(…) not nested',
  'rules.expect.some_instance': (p) => `at least one instance in format ${p.format}`,
  'rules.found.end_of_line': () => 'the end of the line',
  'rules.found.no_cell': () => 'no cell applies',

  // ── text ──────────────────────────────────────────────────────────────────────────────────────
  'text.what': (p) =>
    (
      ({
        'text.received': 'applications received',
        'text.received_all': 'applications received and carried in',
        'text.carried_in': 'carried over from last year',
        'text.handled': 'applications handled',
        'text.disclosed': 'disclosed',
        'text.partial': 'partly disclosed',
        'text.disclosed_partial': 'disclosed in full or in part',
        'text.withheld': 'withheld',
        'text.unavailable': 'could not be provided',
        'text.not_processed': 'not processed',
        'text.other_processing': 'otherwise processed',
        'text.carried_over': 'carried over to next year',
        'text.review': 'administrative reviews',
        'text.suit': 'lawsuits',
        'text.review_suit': 'reviews and lawsuits',
      }) as Record<string, string>
    )[p.rule] ?? '',
  'text.disagrees': (p) =>
    `line ${p.line}: the text says ${p.said} ${p.what}, but ${p.cells}${p.summed ? ' (its total left blank: the sum of its parts)' : ''} is ${p.value}: “${p.quote}”`,
  'text.cell': (p) => `${p.table}${p.row ? ` row “${p.row}”,` : ''} column “${p.column}”${p.ref ? ` (${p.ref})` : ''}`,
  'text.cells_sum': (p) => `the sum of ${p.table} “${p.row}” items (${p.count}), column “${p.column}”`,
  'text.plus': () => ' plus ',

  // ── limits ────────────────────────────────────────────────────────────────────────────────────
  'limits.unpacked_over': (p) => `unpacks to more than ${p.limit}`,
  'limits.part_lies': (p) => `a part unpacks to more than the ${p.declared} bytes it declares: a decompression bomb?`,
  'limits.worker_memory': (p) =>
    `${p.file} could not be checked: reading it needs more than ${p.limit} of memory (a report needs far less); it may be damaged or hostile`,
  'limits.worker_time': (p) =>
    `${p.file} could not be checked: reading it took more than ${p.seconds} s (a report takes under one); it may be damaged or hostile`,
  'limits.worker_exit': (p) => `${p.file} could not be checked: the process checking it stopped unexpectedly; it may be damaged or hostile`,

  // ── batch ─────────────────────────────────────────────────────────────────────────────────────
  'batch.verdict.pass': () => 'passed',
  'batch.verdict.send_back': () => 'has errors, send back',
  'batch.verdict.unfilled': () => 'not filled in',
  'batch.verdict.year_format': () => 'wrong year or format',
  'batch.verdict.duplicate': () => 'duplicate',
  'batch.verdict.unreadable': () => 'unreadable',
  'batch.verdict.not_report': () => 'not a report',
  'batch.verdict.missing': () => 'not submitted',
  'batch.unfilled': (p) => `not filled in: all ${p.cells} value cells are blank, no number was entered (an untouched blank template?)`,
  'batch.year': (p) => `the report is for ${p.found}; this batch collects the reports for ${p.want}`,
  'batch.year_file': (p) =>
    `the file name says ${p.named}, the report is for ${p.found}: the report's content decides, the name is only a hint`,
  'batch.year_unknown': (p) => `no year can be read from the report, so it cannot be confirmed as ${p.want}`,
  'batch.format': (p) => `a report for ${p.year} must use the ${p.want} format; this one uses the ${p.found} format`,
  'batch.agency_file': (p) =>
    `the file name names ${p.named}, but the report's agency is ${p.agency}: counted as the report's agency; please check it is the right file`,
  'batch.agency_unlisted': (p) => `agency ${p.agency} is not on the list of departments`,
  'batch.agency_none': () => 'the report does not name its agency',
  'batch.agency_guess': (p) => `the report's agency ${p.agency} names no region; counted as ${p.department} from the list: please confirm`,
  'batch.agency_ambiguous': (p) =>
    `the report's agency ${p.agency} names no region and could be any of ${p.among} on the list: which department it is cannot be told`,
  'batch.agency_ambiguous_named': (p) =>
    `the report's agency ${p.agency} could be any of ${p.among} on the list: which department it is cannot be told; the report should name its agency in full`,
  'batch.agency_restated': (p) => `the report writes its agency as ${p.agency}, not as on the list; counted as ${p.department}`,
  'batch.agency_by_file': (p) => `the report does not name its agency; taken as ${p.department} from the file name`,
  'batch.agency_by_file_ambiguous': (p) =>
    `the report does not name its agency, and its file name could mean any of ${p.among} on the list: which department it is cannot be told`,
  'batch.quoted': (p) => p.name,
  'batch.duplicate': (p) => `${p.department} also sent ${p.kept}, which counts (${p.why}); this file does not`,
  'batch.duplicate_kept': (p) =>
    p.n > 5
      ? `${p.department} also sent ${p.n} other files (${p.others}, …); this file counts (${p.why})`
      : `${p.department} also sent ${p.others}; this file counts (${p.why})`,
  'batch.missing': (p) => `${p.department} (on the list) sent no file`,
  'batch.missing_misfiled': (p) =>
    `${p.department} (on the list) sent no file; the file ${p.file} is named for it but holds the report of ${p.agency}, and is counted as that`,
  'batch.no_prior': (p) =>
    `${p.count} ${p.count === 1 ? 'department has' : 'departments have'} no last-year report (cross-year checks not done): ${p.names}`,
  'batch.years_seen': (p) =>
    `years of the reports in this batch: ${p.years}; give --year to say which year is collected and flag the others`,
  'batch.list_sep': () => ', ',
  'batch.verdict_sep': () => '; ',
  'batch.verdict_heading': (p) => `[${p.verdict}] ${p.n}`,
  'batch.row_sep': () => ', ',
  'batch.reason_sep': () => ': ',
  'batch.year_count': (p) => `${p.year} (${p.n})`,
  'batch.notice_suffix': () => 'notice',
  'batch.count_files': (p) => `${p.n} ${p.n === 1 ? 'file' : 'files'}`,
  'batch.count_reports': (p) => `${p.n} ${p.n === 1 ? 'report' : 'reports'}`,
  'batch.summary': (p) => `Total: ${p.files}, ${p.reports}. ${p.verdicts}`,
  'batch.summary_verdict': (p) => `${p.verdict} ${p.n}`,
  'batch.left_out': (p) =>
    `${p.n} Office lock ${p.n === 1 ? 'file' : 'files'} (~$…) or hidden ${p.n === 1 ? 'file' : 'files'} (.…) left out, not being submissions: ${p.names}${p.n > 5 ? ', …' : ''}`,
  'batch.summary_listed': (p) => `${p.listed} ${p.listed === 1 ? 'department' : 'departments'} on the list, ${p.submitted} submitted`,
  'batch.changed_numbers': (p) =>
    `${p.n} ${p.n === 1 ? 'text was' : 'texts were'} read as ${p.n === 1 ? 'a number' : 'numbers'}: please verify:`,
  'batch.changed_number': (p) => `  ${p.path} ${p.cell}: ${p.message}`,
  'batch.col.file': () => 'file',
  'batch.col.sheet': () => 'sheet',
  'batch.col.department': () => 'department',
  'batch.col.year': () => 'year',
  'batch.col.format': () => 'format',
  'batch.col.verdict': () => 'verdict',
  'batch.col.errors': () => 'errors',
  'batch.col.warnings': () => 'warnings',
  'batch.col.notices': () => 'notices',
  'batch.col.reason': () => 'reason',
  'batch.col.cell': () => 'cell',
  'batch.col.rule': () => 'rule id',
  'batch.col.rule_name': () => 'rule',
  'batch.col.severity': () => 'severity',
  'batch.col.message': () => 'message',
  'batch.col.found': () => 'value found',
  'batch.col.suggested': () => 'suggested value',
  'batch.col.why': () => 'why',
  'batch.severity.error': () => 'error',
  'batch.severity.warning': () => 'warning',
  'batch.severity.notice': () => 'notice',
  'batch.blank': () => 'blank',
  'batch.report.title': () => 'Annual report tables: batch check results',
  'batch.report.files': () => 'Verdict per file',
  'batch.report.findings': () => 'What to change',
  'batch.notice.title': (p) => `Tables of the annual report of ${p.department}: returned for correction`,
  'batch.notice.intro': (p) =>
    `${p.department}: the file you sent, ${p.file}, has the problems below; please correct them and send it again.`,
  'batch.notice.outro': () =>
    'A suggested value is what the equations of the tables imply; check it against your own records before entering it.',
  'batch.notice.written': (p) => `${p.n} ${p.n === 1 ? 'notice' : 'notices'} written to ${p.dir}`,
  'batch.notice.none': () => 'no department needs to change anything; no notice written',
  'sum.duplicate_verdict': () => 'duplicate',
  'sum.kept_instead': (p) => `the department's file chosen with --keep, ${p.kept}, counts instead; this one is not summed`,
  'batch.sum.left_out': (p) => `left out: ${p.file} (${p.verdict}${p.reason ? `: ${p.reason}` : ''})`,
  'batch.sum.none_clean': () => 'no report passed the check; nothing to sum',
  'batch.rule.cell.not_number': () => 'a value cell holds a number',
  'batch.rule.cell.integer': () => 'a count is a whole number',
  'batch.rule.cell.nonnegative': () => 'counts and money are not negative',
  'batch.rule.cell.decimals': () => 'money (in 10,000 yuan) has at most 4 decimals',
  'batch.rule.cell.blank': () => 'a cell with nothing to report holds 0',
  'batch.rule.cell.text_number': () => 'numbers are entered as numbers, without words',
  'batch.rule.cell.formula_computed': () => 'a formula is saved with its result',
  'batch.rule.batch': () => 'what this batch collects (year, format, department, one file each)',
  'batch.rule.batch.unfilled': () => 'the tables are filled in',
  'batch.rule.other': () => 'how the tables are filled in',
  'batch.file_missing': (p) => `${p.file} does not exist`,
  'batch.file_unopenable': (p) => `${p.file} cannot be opened (no permission to read it, or another program holds it)`,
  'batch.template.no_prior': (p) =>
    `note: ${p.count} ${p.count === 1 ? 'department has' : 'departments have'} no last-year report in --from; ${p.count === 1 ? 'its template is' : 'their templates are'} not pre-filled: ${p.names}`,

  // ── template ──────────────────────────────────────────────────────────────────────────────────
  'template.at': (p) => `${p.where}: ${p.what}`,
  'template.prior_heading': (p) => `Last year's report (${p.year ?? 'previous year'}), for reference:`,
  'template.prior_value': (p) => `${p.name}: ${p.value}`,
  'template.fill_prior': (p) => `filled with ${p.value} from last year's report (${p.sources.join(', ')})`,
  'template.fill_prior_differs': (p) => `holds ${p.own}, last year's report (${p.sources.join(', ')}) gives ${p.value}; left unchanged`,
  'template.fill_total': (p) => `was blank; filled with the sum of its parts, ${p.value}`,
  'template.fill_total_unknown': (p) =>
    `left blank: ${p.missing.map((m) => `${m.name} (${m.ref})`).join(', ')} blank or not a number, so the total cannot be known (blank is not 0: fill it in)`,
  'template.fill_total_differs': (p) => `holds ${p.own} but its parts sum to ${p.sum}; kept as written (check it)`,
  'template.sum_empty': () => 'no reports to sum',
  'template.sum_mixed': (p) =>
    `the reports differ in ${p.what}; nothing summed (use --force to sum anyway):\n  ${p.inputs
      .map((i) => `${i.name} (format ${i.format}, year ${i.year ?? 'unknown'})`)
      .join('\n  ')}`,
  'template.sum_twice': (p) =>
    `these files are one department's report twice (or hold the same figures); summed, they would count double, so nothing was summed (name the one to keep with --keep FILE, or use --only-clean to decide by revision and check; if they really are different departments, use --force):\n  ${p.groups
      .map((g) => `${g.agency ? `${g.agency}: ` : 'same figures: '}${g.names.join(', ')}`)
      .join('\n  ')}`,
  'template.sum_input_errors': (p) =>
    `${p.name}: ${p.count} error${p.count === 1 ? '' : 's'}${p.messages.map((m) => `\n    ${m}`).join('')}${p.more ? '\n    …' : ''}`,
  'template.sum_errors': (p) =>
    `these reports have errors; nothing summed (correct them, or use --allow-errors):\n  ${p.lines.join('\n  ')}`,
  'template.sum_not_in_form': (p) => `${p.name}: ${p.cell} is not in format ${p.format}; not summed`,
  'template.sum_text_cell': (p) => `${p.name} ${p.ref}: "${p.text}"`,
  'template.sum_not_numbers': (p) => `these cells are not numbers; nothing summed:\n  ${p.cells.join('\n  ')}`,
  'template.sum_not_summed': (p) => `not summed (not a number): ${p.cell}`,
  'template.sum_fails': (p) => `the sum fails its check; nothing written:\n  ${p.messages.join('\n  ')}`,
  'template.sum_column': (p) => ({ no: 'No.', file: 'file', agency: 'agency', year: 'year', format: 'format', errors: 'errors' })[p.column],
  'template.sum_total_row': () => 'total',
  'template.export_refused': (p) =>
    `${p.where ? `${p.where}: ` : ''}not exported: the report has ${count(p.count, 'error')}; correct them or use --allow-errors${p.lines.map((l) => `\n  - ${l}`).join('')}${p.more ? `\n  … (${p.more} more)` : ''}`,

  // ── cli ───────────────────────────────────────────────────────────────────────────────────────
  'cli.why.not_found': () => 'it does not exist',
  'cli.why.denied': () => 'permission denied',
  'cli.why.is_folder': () => 'it is a folder, not a file',
  'cli.why.not_folder': () => 'a part of the path is not a folder',
  'cli.why.no_folder': (p) => `its folder ${p.folder} does not exist`,
  'cli.why.name_too_long': () => 'the file name or path is too long',
  'cli.why.disk_full': () => 'the disk is full',
  'cli.why.quota': () => 'the disk quota is exceeded',
  'cli.why.read_only': () => 'the disk is read-only',
  'cli.why.link_loop': () => 'symbolic links form a loop',
  'cli.why.dangling_link': () => 'it is a symbolic link to nothing',
  'cli.why.busy': () => 'it is in use by another program',
  'cli.why.io': () => 'an input/output error (disk or network fault)',
  'cli.why.too_many_open': () => 'too many files are open',
  'cli.why.device': () => 'it is a device, not a regular file',
  'cli.why.pipe': () => 'it is a pipe, not a regular file',
  'cli.why.socket': () => 'it is a socket, not a regular file',
  'cli.why.block_device': () => 'it is a disk device and is never written to',
  'cli.why.other': (p) => `the system reported an error (${p.code})`,
  'cli.cannot_read': (p) => `cannot read ${p.file}: ${p.why}`,
  'cli.cannot_write': (p) => `cannot write ${p.file}: ${p.why}`,
  'cli.output_refused': (p) => `will not write to ${p.file}: ${p.why}; nothing done`,
  'cli.output_is_input': (p) => `the output ${p.output} is the input file ${p.input}: writing would replace it; nothing done`,
  'cli.report_written': (p) => `report written: ${p.file}`,
  'cli.report_not_written': (p) => `the results are above, but the report ${p.file} could not be written: ${p.why}`,
  'cli.jobs_clamped': (p) =>
    `--jobs ${p.asked} is more than this machine can run (${p.cores} processors, memory for ${p.memory} checking processes): running ${p.jobs}`,
  'cli.jobs_invalid': (p) => `--jobs takes a positive whole number, not ${p.value}`,
  'cli.one_file_not_folder': (p) => `${p.file} is a folder: give one file in it`,
  'cli.unknown_format': (p) => `there is no format ${p.format} (known: ${p.known})`,
  'cli.rules_file_missing': (p) => `rule file not found: ${p.file}`,
  'cli.agency_failed': (p) => `the template of ${p.agency} was not written: ${p.why}`,
  'cli.agencies_summary': (p) =>
    `wrote ${count(p.written, 'template')} to ${p.folder}${p.failed ? `; ${p.failed} could not be written (see above)` : ''}`,
  'cli.output_folder_is_file': (p) => `the output folder ${p.folder} is a file`,
  'cli.unknown_option': (p) => `bad command line: there is no option ${p.option}`,
  'cli.option_needs_value': (p) => `bad command line: the option ${p.option} needs a value`,
  'cli.option_takes_no_value': (p) => `bad command line: the option ${p.option} takes no value`,
  'cli.unexpected_argument': (p) => `bad command line: unexpected argument ${p.arg}`,
  'cli.bad_command_line': () => 'bad command line',
  'cli.lang_invalid': (p) => `--lang takes zh or en, not ${p.value}`,
  'cli.unknown_command': (p) => `there is no command ${p.name}`,
  'cli.internal_error': (p) => `internal error (please report it): ${p.detail}`,
  'cli.check_no_paths': () => 'give the files or folders to check',
  'cli.report_type': (p) => `--report takes an .xlsx, .csv or .html file, not ${p.file}`,
  'cli.no_files': (p) => `no files to check in: ${p.paths}`,
  'cli.prior_missing': (p) => `last year's report not found: ${p.file}`,
  'cli.prior_skipped': (p) => `last year's file skipped: ${p.why}`,
  'cli.missing_output': () => 'missing -o OUTPUT',
  'cli.notice_not_written': (p) => `the results are above, but the notice ${p.file} could not be written: ${p.why}`,
  'cli.year_invalid': (p) => `--year takes a year such as 2025, not ${p.value}`,
  'cli.agencies_empty': (p) => `the list ${p.file} names no department`,
  'cli.notices_format': (p) => `--notices-format takes html or xlsx, not ${p.value}`,
  'cli.one_input': (p) =>
    ({
      import: 'give exactly one report file to import',
      fill: 'give exactly one file to fill',
      export: 'give exactly one file to export',
    })[p.what],
  'cli.sum_no_files': () => 'give the files to sum',
  'cli.year_or_format': () => 'give --year or --format',
  'cli.agency_or_agencies': () => 'use either --agency or --agencies, not both',
  'cli.output_xlsx': (p) => `-o takes an .xlsx file, not ${p.file}`,
  'cli.export_to': (p) => `--to takes ${p.known}, not ${p.value}`,
  'cli.several_reports': (p) => `${p.file} holds ${p.sheets.length} reports (on sheets ${p.sheets.join(', ')}); pick one with --sheet`,
  'cli.several_on_sheet': (p) =>
    `${p.file}: sheet ${p.sheet} holds ${p.reports.length} reports (${p.reports
      .map((r) => `${r.agency || 'agency unknown'} at ${r.area}`)
      .join(', ')}); export takes one at a time: copy the report to export onto a sheet or file of its own and export that`,
  'cli.no_report_on_sheet': (p) => `${p.file} has no report on sheet ${p.sheet}`,
  'cli.no_report_tables': (p) => `no report tables found in ${p.file}`,
  'cli.import_several': (p) => `${p.file} holds ${p.n} reports; -o writes one`,
  'cli.prior_not_one': (p) => `last year's file ${p.file} should hold one report, found ${p.n}`,
  'cli.from_empty': (p) => `no report of last year found in ${p.from}`,
  'cli.nothing_written': () => 'nothing was written.',
  'cli.written': (p) => `wrote ${p.file}`,
  'cli.filled': (p) => `wrote ${p.file}: ${count(p.cells, 'cell')} filled`,
  'cli.exported': (p) => `exported ${p.file} (.${p.to})`,
  'cli.summed': (p) => `summed ${count(p.n, 'report')} → ${p.file}`,
  'cli.sum_inputs_sheet': () => 'inputs',
  'cli.template_written': (p) =>
    `wrote template ${p.file} (format ${p.format}${p.year ? `, year ${p.year}` : ''})${p.prior ? `, ${count(p.cells, 'cell')} pre-filled from ${p.prior}` : ''}`,
  'cli.line_ref': (p) => `line ${p.line}`,
  'cli.progress': () => 'checking',
  'cli.progress_eta': (p) => `~${p.seconds} s left`,
  'cli.severity': (p) => p.severity,
  'cli.summary.head': (p) =>
    `${p.file}${p.sheet ? ` [${p.sheet}]` : ''}  format ${p.format}${p.year ? `  ${p.year}` : ''}${p.agency ? `  ${p.agency}` : ''}`,
  'cli.summary.counts': (p) => `${count(p.errors, 'error')}, ${count(p.warnings, 'warning')}, ${count(p.notices, 'notice')}`,
  'cli.summary.suspect': (p) => `suspect ${p.ref} = ${p.value ?? 'blank'}, should be ${p.suggested} (${p.reason})`,
  'cli.summary.line_place': (p) => `${p.at} (${p.words})`,
  'cli.summary.more_suspects': (p) => `${count(p.n, 'more possibility', 'more possibilities')}`,
  'cli.summary.blanks': (p) => `${count(p.n, 'blank cell')} (counted as 0): ${p.cells.join(', ')}${p.more ? '…' : ''}`,
  'cli.summary.note': (p) => `note: ${p.note}`,
  'cli.import.head': (p) => `${p.file}: format ${p.format}, year ${p.year ?? 'unknown'}, agency ${p.agency ?? 'unknown'}`,
  'cli.import.tables': (p) => `tables: ${p.tables.map(tableEn).join(', ') || 'none'}; ${count(p.lines, 'line')} of text`,
  'cli.import.clean': () => 'clean: no findings',
  'cli.rules.form': (p) => `Format ${p.format} (“${p.issuedBy}”), for the reports of ${p.from}${p.to ? `–${p.to}` : ' onwards'}`,
  'cli.rules.family': (p) => `${p.severity}${p.total ? ', total' : ''}, ${count(p.instances, 'instance')}`,
  'cli.rules.cells': () => 'Cell and format checks (every value cell):',
  'cli.rules.written': (p) => `as written: ${p.rule}`,
};
