/**
 * Where a test saves a picture: into docs/ when the pictures are being refreshed
 * (`npm run docs:screenshots` sets XXGK_UPDATE_DOCS=1), otherwise into the run's temporary folder,
 * so that an ordinary test run never changes tracked files.
 */
import { tmpdir } from 'os';
import * as path from 'path';

export function picturePath(name: string): string {
  return process.env.XXGK_UPDATE_DOCS ? path.join(__dirname, '..', '..', 'docs', name) : path.join(tmpdir(), name);
}

/** How a fake spreadsheet program looks in a picture: its window global, table class, colour and title. */
export interface FakeLook {
  global: '__fakeExcel' | '__fakeWps';
  tableClass: 'xl' | 'et';
  colour: string;
  title: string;
  file: string;
}

/** The pane beside the fake program's sheet (values, merges, fills, comments, selection), saved as look.file. */
export async function sheetBesidePane(page: import('playwright-core').Page, sheet: string, look: FakeLook): Promise<void> {
  const pane = (await page.screenshot()).toString('base64');
  const table = await page.evaluate(
    ([g, s]) => (window as unknown as Record<string, { html(s: string, n: number): string }>)[g].html(s, 56),
    [look.global, sheet] as const,
  );
  const view = await page
    .context()
    .browser()!
    .newPage({ viewport: { width: 1400, height: 900 } });
  const t = look.tableClass;
  await view.setContent(`<!doctype html><meta charset="utf-8"><style>
    body{margin:0;display:flex;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f3f3f3}
    .sheet{flex:1;overflow:hidden;height:900px;background:#fff;border-right:1px solid #c8c8c8}
    .bar{height:28px;background:${look.colour};color:#fff;font-size:13px;line-height:28px;padding-left:10px}
    table.${t}{border-collapse:collapse;table-layout:fixed;font-size:10px}
    table.${t} th{background:#f0f0f0;color:#555;font-weight:normal;border:1px solid #d4d4d4;height:15px}
    table.${t} td{border:1px solid #e1e1e1;padding:0 2px;height:15px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
    td.sel{outline:2px solid ${look.colour};outline-offset:-2px} td.note{background-image:linear-gradient(225deg,#c00 5px,transparent 5px)}
    img{display:block;border-left:1px solid #c8c8c8}</style>
    <div class="sheet"><div class="bar">${look.title} — ${sheet}</div>${table}</div><img src="data:image/png;base64,${pane}">`);
  await view.screenshot({ path: picturePath(look.file) });
  await view.close();
}
