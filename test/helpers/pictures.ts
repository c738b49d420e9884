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
