/**
 * The size limit every reader applies before it reads (50 MB unless told otherwise). Apart from
 * the readers so that the pane can refuse a picked file by its size without loading them.
 */
import { ReadError } from './errors';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Throws ReadError empty or too_large, naming the file. */
export function checkSize(size: number, name: string, maxBytes = DEFAULT_MAX_BYTES): void {
  if (size === 0) throw new ReadError('empty', name);
  if (size > maxBytes) throw new ReadError('too_large', name, `${sizeText(size)} > ${sizeText(maxBytes)}`);
}
