/**
 * The task pane against the fake Excel at the ExcelApi versions below 1.10, without comments (Office
 * 2019: 1.7-1.8); from 1.10 in addin-excel-api-comments.test.ts, run side by side (issue 22).
 */
import { describe, it } from 'vitest';
import { paneSuite } from './browser/suite';
import { checkAtLevel, levelTitle } from './browser/excel-levels';

const pane = paneSuite();

describe.concurrent('the pane at every ExcelApi version that can install it', () => {
  for (const api of ['1.7', '1.8', '1.9']) it(levelTitle(api), () => checkAtLevel(pane, api));
});
