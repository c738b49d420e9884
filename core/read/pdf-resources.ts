/**
 * Where pdfjs finds the data a PDF whose fonts are not embedded needs: the CMaps of CID fonts
 * (a Chinese report set in 宋体 STSong-Light with UniGB-UCS2-H names its characters only through
 * them) and the standard fonts' metrics. Without them such a PDF has no text to read. The host
 * says where they are: the command line the pdfjs-dist package folder (core/node/read.ts), the
 * task pane the copies bundled beside its scripts (addin/files.ts). URLs or, in Node, folder paths,
 * each ending with a separator.
 */
export interface PdfResources {
  cMapUrl: string;
  standardFontDataUrl: string;
  /**
   * Fetched by pdf.js's parsing side: in a Web Worker (the pane's reading worker) its other side
   * asks the page's document for its address, which a worker has not.
   */
  workerFetch?: boolean;
}

let where: PdfResources | null = null;

export function setPdfResources(r: PdfResources | null): void {
  where = r;
}

export const pdfResources = (): PdfResources | null => where;
