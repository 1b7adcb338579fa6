// pdf.js ships no types for its worker module; it is imported only to be evaluated (see extract/pdf/load.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
