/** PDF → blocks: placeholder until the PDF reader lands. */
import type { Block } from './blocks';
import { ReadError } from './errors';

export async function readPdfBlocks(_data: Uint8Array, name: string): Promise<Block[]> {
  throw new ReadError('not_pdf', name);
}
