/**
 * Names that are not UTF-8 (GBK bytes, as unzip leaves a Windows archive): the name shown, decoded
 * from its bytes (core/node/files.ts), → the bytes the file system knows the file by. Every reader
 * opens a listed path through fsPath(); a checking process is told the bytes with the file.
 */
const RAW = new Map<string, Buffer>();

/** The path to give the file system for a listed name: its own bytes when the name was decoded. */
export function fsPath(p: string): string | Buffer {
  return RAW.get(p) ?? p;
}

/** Records a decoded name's bytes. */
export function rememberRawPath(shown: string, raw: Uint8Array): void {
  RAW.set(shown, Buffer.from(raw));
}
