/** Every example and every fixture: the files every face (command line, pane, Excel, WPS) must agree on. */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

export const SAMPLE_FILES: string[] = [
  ...fs.readdirSync(path.join(ROOT, 'examples')).map((n) => path.join(ROOT, 'examples', n)),
  ...fs
    .readdirSync(path.join(ROOT, 'test', 'fixtures', 'real'))
    .filter((n) => !n.endsWith('.md'))
    .map((n) => path.join(ROOT, 'test', 'fixtures', 'real', n)),
];
