import type { Grey } from './image.js';
import { loadModels, run, type Models } from './models.js';

/** A box of a page, in pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Reading {
  text: string;
  /**
   * The least certain character's probability (0–1): one doubtful digit makes the whole value
   * doubtful. Over the characters of numbers only when there are any: a label's doubtful
   * character says nothing of the value beside it (and labels are matched, not trusted).
   */
  confidence: number;
}

const HEIGHT = 48;
/** Characters that make up values (digits, signs, decimal points, thousands commas). */
const VALUE_CHAR = /[0-9.,+\-增减]/;
const MAX_WIDTH = 1600;

/**
 * Characters the model tells apart but that are one glyph to a reader of a report's table: a
 * round 0 is 0 whether the model calls it O, o or 〇. Their probabilities are added up before the
 * best one is chosen, so a clear 0 is not reported as doubtful.
 */
const SAME: Record<string, string> = {
  O: '0', o: '0', '〇': '0', '○': '0', Ｏ: '0', l: '1', I: '1', '|': '1', '丨': '1',
  ...Object.fromEntries([...'０１２３４５６７８９'].map((c, i) => [c, String(i)])),
};

/** PaddleOCR feeds the recogniser lines at least this wide (48 × 320/48), the rest padded: so must we. */
const MIN_INPUT = 320;
/** Short boxes (cells of one number) are read side by side in one input up to this wide. */
const PACK_WIDTH = 960;
/** Paper between packed boxes: wide enough that the recogniser ends one and starts another. */
const PACK_GAP = 48;

interface Crop {
  owner: number;
  /** HEIGHT × width grey, normalised to −1 … 1, column-major runs per row. */
  pixels: Float32Array;
  width: number;
}

/**
 * Recognise the text of boxes (one line of text each): crops scaled to the model's height,
 * grey into three channels as (v/255 − 0.5)/0.5, CTC decoded greedily. A box much taller than
 * wide is text written down (a label down a merged cell): read character by character.
 *
 * The recogniser was trained on lines padded to at least 320 px: alone, a cell's lone "0" is
 * read with a probability of 0.5–0.9 (measured), padded like that, 0.95 and more. Padding every
 * cell would cost 5× the time, so short boxes are read several to an input, side by side with
 * paper between, and each keeps the characters decoded over its own columns.
 */
export async function recognizeAll(image: Grey, boxes: readonly Box[]): Promise<Reading[]> {
  const models = await loadModels();
  const crops: Crop[] = [];
  boxes.forEach((box, owner) => {
    const w = box.x1 - box.x0;
    const h = box.y1 - box.y0;
    if (w < 2 || h < 2) return;
    if (h > 2.2 * w) {
      const n = Math.max(1, Math.round(h / w));
      for (let i = 0; i < n; i++) crops.push(crop(image, { ...box, y0: box.y0 + (i * h) / n, y1: box.y0 + ((i + 1) * h) / n }, owner));
    } else crops.push(crop(image, box, owner));
  });
  const texts = new Map<number, Reading[]>();
  const keep = (owner: number, reading: Reading) => texts.set(owner, [...(texts.get(owner) ?? []), reading]);
  let pack: Crop[] = [];
  let packed = 0;
  const flush = async () => {
    if (pack.length === 0) return;
    const readings = await recognizePacked(models, pack);
    pack.forEach((c, i) => keep(c.owner, readings[i]!));
    pack = [];
    packed = 0;
  };
  for (const c of crops) {
    if (c.width >= MIN_INPUT) {
      keep(c.owner, (await recognizePacked(models, [c]))[0]!);
      continue;
    }
    if (packed + c.width > PACK_WIDTH) await flush();
    pack.push(c);
    packed += c.width + PACK_GAP;
  }
  await flush();
  return boxes.map((_, owner) => {
    const parts = texts.get(owner) ?? [];
    if (parts.length === 0) return { text: '', confidence: 1 };
    return { text: parts.map((p) => p.text).join(''), confidence: Math.min(...parts.map((p) => p.confidence)) };
  });
}

function crop(image: Grey, box: Box, owner: number): Crop {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const width = Math.min(MAX_WIDTH, Math.max(16, Math.round((w * HEIGHT) / h)));
  const pixels = new Float32Array(HEIGHT * width);
  for (let y = 0; y < HEIGHT; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, Math.floor(box.y0 + ((y + 0.5) * h) / HEIGHT)));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, Math.floor(box.x0 + ((x + 0.5) * w) / width)));
      pixels[y * width + x] = image.data[sy * image.width + sx]! / 127.5 - 1;
    }
  }
  return { owner, pixels, width };
}

/** Crops side by side (paper between), padded as PaddleOCR pads; each crop's own reading. */
async function recognizePacked(models: Models, crops: readonly Crop[]): Promise<Reading[]> {
  const { ort, recognize: session, keys } = models;
  const starts: number[] = [];
  let used = 0;
  for (const c of crops) {
    starts.push(used);
    used += c.width + PACK_GAP;
  }
  used -= PACK_GAP;
  const width = Math.max(MIN_INPUT, used);
  const plane = HEIGHT * width;
  // Paper (1) between the crops; beyond them the zeros PaddleOCR pads with.
  const input = new Float32Array(3 * plane);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < used; x++) input[y * width + x] = 1;
    crops.forEach((c, k) => input.set(c.pixels.subarray(y * c.width, (y + 1) * c.width), y * width + starts[k]!));
    input.copyWithin(plane + y * width, y * width, (y + 1) * width);
    input.copyWithin(2 * plane + y * width, y * width, (y + 1) * width);
  }
  const out = await run(session, new ort.Tensor('float32', input, [1, 3, HEIGHT, width]));
  const [, steps, classes] = out.dims as [number, number, number];
  const probs = out.data as Float32Array;
  const perStep = width / steps;
  return crops.map((c, k) => {
    // The steps over this crop and a little paper either side: over the paper between crops the
    // model sees characters that are not there (crisp digits came out as "7個").
    const from = Math.max(0, Math.floor((starts[k]! - PACK_GAP / 8) / perStep));
    const to = Math.min(steps, Math.ceil((starts[k]! + c.width + PACK_GAP / 8) / perStep));
    const reading = decode(probs, from, to, classes, keys);
    // A character the recogniser dropped leaves no doubt in the rest: look for its ink.
    if (DIGITS.test(reading.text) && inkMarks(c) > reading.text.length) {
      reading.confidence = 0;
    }
    return reading;
  });
}

/** A reading of nothing but digits (and decimal points, thousands commas): one mark of ink a character. */
const DIGITS = /^[0-9.,]+$/;
/** Ink: darker than this share of the way from the crop's darkest stroke to paper (Song digits' hairline arcs are light). */
const INK_SHARE = 0.8;
/** Narrower marks are specks, not characters (a "1" or a "." at the model's height is 3 px and more). */
const MIN_MARK = 3;

/**
 * CTC drops a character without lowering the probability of the others (measured: "15" read as
 * "5" at 0.98), so a number is checked against its ink: digits stand apart, each a run of
 * columns holding ink, and there must not be more such marks than characters read. Ink is what
 * is darker than halfway between the crop's paper and its darkest stroke.
 */
function inkMarks(c: Crop): number {
  let darkest = 1;
  for (let i = 0; i < c.pixels.length; i++) if (c.pixels[i]! < darkest) darkest = c.pixels[i]!;
  const threshold = darkest + INK_SHARE * (1 - darkest);
  let marks = 0;
  let run = 0;
  for (let x = 0; x <= c.width; x++) {
    let ink = false;
    for (let y = 2; x < c.width && y < HEIGHT - 2 && !ink; y++) if (c.pixels[y * c.width + x]! < threshold) ink = true;
    if (ink) run++;
    else {
      // A mark against the crop's edge is what is left of the cell's border, not a character.
      if (run >= MIN_MARK && x - run > 0 && x < c.width) marks++;
      run = 0;
    }
  }
  return marks;
}

/** Greedy CTC over steps [from, to): the best class a step (same-glyph classes added up), repeats and blanks dropped. */
function decode(probs: Float32Array, from: number, to: number, classes: number, keys: readonly string[]): Reading {
  let text = '';
  let confidence = 1;
  let numeric = 1;
  let digits = false;
  let previous = '';
  for (let t = from; t < to; t++) {
    let best = 0;
    let p = 0;
    for (let c = 0; c < classes; c++) {
      const v = probs[t * classes + c]!;
      if (v > p) [best, p] = [c, v];
    }
    let ch = best === 0 ? '' : (keys[best] ?? '');
    const same = SAME[ch];
    if (same) {
      ch = same;
      p = 0;
      for (let c = 1; c < classes; c++) if ((SAME[keys[c]!] ?? keys[c]) === same) p += probs[t * classes + c]!;
    }
    if (ch !== '' && ch !== previous) {
      text += ch;
      confidence = Math.min(confidence, Math.min(1, p));
      if (VALUE_CHAR.test(ch)) {
        numeric = Math.min(numeric, Math.min(1, p));
        digits = true;
      }
    }
    previous = ch;
  }
  return { text: text.trim(), confidence: digits ? numeric : confidence };
}
