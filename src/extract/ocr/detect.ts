import type { Grey } from './image.js';
import { loadModels, run } from './models.js';
import type { Box } from './recognize.js';

/** The longest side detection sees: full pages at 150 dpi keep small table digits above 10 px. */
const LIMIT = 1600;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];
/** DB post-processing, as PaddleOCR sets it. */
const PIXEL = 0.3;
const BOX = 0.6;
const UNCLIP = 1.5;

/**
 * Text boxes on a page (PP-OCRv4 detection): the probability map thresholded, its connected
 * components kept where their mean probability is high, each grown back by the margin the
 * model was trained to shrink text by (area × 1.5 / perimeter). Returned in image pixels.
 */
export async function detect(image: Grey): Promise<Box[]> {
  const { ort, detect: session } = await loadModels();
  const scale = Math.min(1, LIMIT / Math.max(image.width, image.height));
  const w = Math.max(32, Math.ceil((image.width * scale) / 32) * 32);
  const h = Math.max(32, Math.ceil((image.height * scale) / 32) * 32);
  const plane = w * h;
  const input = new Float32Array(3 * plane);
  for (let y = 0; y < h; y++) {
    const sy = Math.floor(y / scale);
    for (let x = 0; x < w; x++) {
      const sx = Math.floor(x / scale);
      const v = sy < image.height && sx < image.width ? image.data[sy * image.width + sx]! / 255 : 1;
      const i = y * w + x;
      for (let c = 0; c < 3; c++) input[c * plane + i] = (v - MEAN[c]!) / STD[c]!;
    }
  }
  const out = await run(session, new ort.Tensor('float32', input, [1, 3, h, w]));
  return componentsToBoxes(out.data as Float32Array, w, h).map((b) => ({
    x0: Math.max(0, b.x0 / scale),
    y0: Math.max(0, b.y0 / scale),
    x1: Math.min(image.width, b.x1 / scale),
    y1: Math.min(image.height, b.y1 / scale),
  }));
}

function componentsToBoxes(prob: Float32Array, w: number, h: number): Box[] {
  const seen = new Uint8Array(w * h);
  const boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || prob[start]! <= PIXEL) continue;
    let [x0, y0, x1, y1] = [w, h, 0, 0];
    let sum = 0;
    let n = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      sum += prob[i]!;
      n++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const j of [i - 1, i + 1, i - w, i + w]) {
        if (j < 0 || j >= w * h || seen[j] || prob[j]! <= PIXEL) continue;
        if ((j === i - 1 && x === 0) || (j === i + 1 && x === w - 1)) continue;
        seen[j] = 1;
        stack.push(j);
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (n < 6 || Math.min(bw, bh) < 2 || sum / n < BOX) continue;
    const d = (bw * bh * UNCLIP) / (2 * (bw + bh));
    boxes.push({ x0: x0 - d, y0: y0 - d, x1: x1 + 1 + d, y1: y1 + 1 + d });
  }
  return boxes;
}
