/** The ordinary check's balance errors (xxgk check's rules), each one a piece of evidence. */
import { errorsOf } from '../model/findings';
import { say } from '../messages';
import { placeIn, type EvalCheck, type Evidence } from './check';

export const balanceCheck: EvalCheck = {
  key: 'balance',
  run: (agency) =>
    agency.reports.map((p) =>
      errorsOf(p.result).map<Evidence>((f) => ({
        file: p.file,
        year: p.year,
        cell: f.cells[0] ? `${f.cells[0].table}:${f.cells[0].row}:${f.cells[0].column}` : null,
        ref: f.cells[0]?.ref ?? null,
        rule: f.rule,
        expected: f.expected ?? null,
        actual: f.actual ?? null,
        message: f.message,
      })),
    ),
  sentence: (e, at, lang, show) =>
    say(lang, 'evaluate.balance', {
      agency: show(at.agency),
      year: at.year,
      place: show(placeIn(lang, e.ref ?? '')),
      message: show(e.message ?? ''),
    }),
};
