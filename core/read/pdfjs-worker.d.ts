/** pdfjs-dist ships no declarations for its worker module; it is only handed back to pdfjs. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
