/**
 * The task pane against the fake Excel at the ExcelApi versions from 1.10, with comments (Office
 * 2021: 1.14, Office 2024: 1.17, Microsoft 365: 1.18); below 1.10 in addin-excel-api-no-comments.test.ts,
 * run side by side (issue 22).
 */
import { describe, it } from 'vitest';
import { paneSuite } from './browser/suite';
import { checkAtLevel, levelTitle } from './browser/excel-levels';

const pane = paneSuite();

describe.concurrent('the pane at every ExcelApi version that can install it', () => {
  for (const api of ['1.13', '1.14', '1.17', '1.18']) it(levelTitle(api), () => checkAtLevel(pane, api));
});
