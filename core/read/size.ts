/**
 * The size limit every reader applies before it reads (50 MB unless told otherwise). Apart from
 * the readers so that the pane can refuse a picked file by its size without loading them.
 */
import { ReadError } from './errors';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Read without limits (ReadOptions.bounded) only up to these sizes: a report's file is 10–300 KB
 * and its largest part under 1 MB. Past them, inputs whose reading the guards bound only loosely
 * (16 MB parts took seconds and most of 256 MB) are read in a process with limits.
 */
export const BOUNDED_BYTES = 1024 * 1024;
export const BOUNDED_PARSED = 2 * 1024 * 1024;

export function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Throws ReadError empty or too_large, naming the file. */
export function checkSize(size: number, name: string, maxBytes = DEFAULT_MAX_BYTES): void {
  if (size === 0) throw new ReadError('empty', name);
  if (size > maxBytes) throw new ReadError('too_large', name, `${sizeText(size)} > ${sizeText(maxBytes)}`);
}
