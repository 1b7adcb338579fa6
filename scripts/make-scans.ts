/**
 * Writes the scanned fixtures (fixtures/scanned/)
 * from our own digital PDFs: pages drawn by poppler, then sealed, leaned, blurred, noised and
 * JPEG-compressed by scripts/synthetic/scan.ts. Deterministic. Run by hand (needs poppler-utils):
 *
 *   npx tsx scripts/make-scans.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { jpegsToPdf, pgmToRgb, scan, toJpeg, type Rgb } from './synthetic/scan.js';
import { SCAN_FIXTURES } from './synthetic/scan-fixtures.js';

const work = mkdtempSync(path.join(tmpdir(), 'gov-report-scan-'));

function drawPage(pdf: string, page: number, dpi: number): Rgb {
  const prefix = path.join(work, `p${page}-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  return pgmToRgb(new Uint8Array(readFileSync(`${prefix}.pgm`)));
}

function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

for (const f of SCAN_FIXTURES) {
  const source = path.join('fixtures/pdf', f.from);
  const all = Array.from({ length: pageCount(source) }, (_, i) => i + 1);
  const scanned = f.pages ?? all.filter((p) => !f.digital?.includes(p));
  const sealPage = f.sealPage ?? scanned.length;
  const images = scanned.map((p, i) =>
    scan(drawPage(source, p, f.dpi), f.dpi, { ...f.scan, seed: f.scan.seed + i, seal: i + 1 === sealPage ? f.scan.seal : undefined }),
  );
  const out = path.join('fixtures/scanned', f.file);
  mkdirSync(path.dirname(out), { recursive: true });
  if (f.as === 'png') {
    const { width, height, data } = images[0]!;
    writeFileSync(out, PNG.sync.write({ width, height, data }, { colorType: 2, inputColorType: 2, inputHasAlpha: false }));
  } else if (f.as === 'jpg') {
    writeFileSync(out, toJpeg(images[0]!, f.quality));
  } else if (!f.digital) {
    writeFileSync(out, jpegsToPdf(images.map((im) => ({ jpeg: toJpeg(im, f.quality), width: im.width, height: im.height })), f.dpi));
  } else {
    // The digital pages as they are, the others replaced by their scans, in page order.
    const scans = path.join(work, 'scans.pdf');
    writeFileSync(scans, jpegsToPdf(images.map((im) => ({ jpeg: toJpeg(im, f.quality), width: im.width, height: im.height })), f.dpi));
    execFileSync('pdfseparate', [source, path.join(work, 'd-%d.pdf')]);
    execFileSync('pdfseparate', [scans, path.join(work, 's-%d.pdf')]);
    const digital = f.digital;
    const parts = all.map((p) => (digital.includes(p) ? path.join(work, `d-${p}.pdf`) : path.join(work, `s-${scanned.indexOf(p) + 1}.pdf`)));
    execFileSync('pdfunite', [...parts, out]);
  }
  console.log(`${out}: ${f.why}`);
}

