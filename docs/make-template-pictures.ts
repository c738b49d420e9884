/**
 * npm run docs:template — writes a blank template for each format, prints it to PDF with
 * LibreOffice headless and renders the first page to docs/template-FORMAT.png with pdftoppm.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { getForm } from '../core/forms';
import { writeTemplate } from '../core/template/xlsx';
import { convert, findSoffice } from './libreoffice';

const SAMPLES: { format: string; year: number }[] = [
  { format: '2019', year: 2020 },
  { format: '2021', year: 2025 },
];

async function main(): Promise<number> {
  const soffice = findSoffice();
  if (!soffice) {
    process.stderr.write(
      '找不到 LibreOffice（soffice）：请安装 libreoffice-calc-nogui。\nLibreOffice (soffice) not found: install libreoffice-calc-nogui.\n',
    );
    return 2;
  }
  const fonts = (() => {
    try {
      return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
    } catch {
      return '';
    }
  })();
  if (!fonts.trim())
    process.stderr.write(
      '警告：没有中文字体，图片中的汉字会显示为方框（可安装 fonts-wqy-zenhei）。\nWarning: no Chinese font installed; install fonts-wqy-zenhei or fonts-noto-cjk.\n',
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-docs-'));
  try {
    for (const { format, year } of SAMPLES) {
      const xlsx = path.join(dir, `template-${format}.xlsx`);
      fs.writeFileSync(xlsx, await writeTemplate(getForm(format), { year }));
      const pdf = convert(soffice, xlsx, 'pdf', dir);
      const prefix = path.join(dir, `page-${format}`);
      execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
      const out = path.join(__dirname, `template-${format}.png`);
      fs.copyFileSync(`${prefix}.png`, out);
      process.stdout.write(`${out}\n`);
    }
    return 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
