/**
 * A layout text's rows are joined one line at a time: a text of millions of short lines (a hostile
 * or broken file) once overflowed the stack in joinLayoutRows, an internal error instead of a verdict.
 */
import { expect, it } from 'vitest';
import { joinLayoutRows } from '../core/import/layout-rows';

it('joins a run of a million lines without overflowing the stack', () => {
  const lines = Array.from({ length: 1_000_000 }, (_, i) => ({ line: i + 1, text: '1,2,3,4' }));
  expect(joinLayoutRows(lines).length).toBeGreaterThan(0);
});
