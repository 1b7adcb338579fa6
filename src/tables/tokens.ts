import type { Line } from '../extract/document.js';
import { CJK_CHAR, isValueText, UNREAD } from '../text/index.js';

/**
 * The table parsers' view of text: label pieces and value cells in reading order, whatever
 * the line structure was. Lines with cells (tab rows, Word cells, PDF and HTML grids, markdown
 * tables) give one token per cell; other lines are cut where label text meets digits, so that
 * run-together text (`规章000行政规范性文件81153`) reads like any other shape.
 */
export interface Token {
  kind: 'label' | 'value' | 'empty';
  text: string;
  /** Line number in the source, for diagnostics. */
  line: number;
  /** Position of the line in the region: tokens of one line share it. */
  seq: number;
  /** From a line with cells: cell boundaries are known. */
  cell: boolean;
  /**
   * A value whose digits may hold several cells: it touched label text with no space between,
   * had a leading zero (`00`), or ran a sign into other digits (`88-720`).
   */
  glued: boolean;
  /** Read by OCR: the recogniser's confidence (0–1) in the text. */
  confidence?: number;
}

const DIGIT = '0-9０-９';
/** A number as run-together text writes it, with the units and signs cells carry. */
const NUMBER = new RegExp(
  `(?:[增减](?=[${DIGIT}])|[+\\-−＋－](?=[${DIGIT}]))?[${DIGIT}]+(?:,[${DIGIT}]{3})*(?:[.．][${DIGIT}]+)?(?:万元|元|[（(]万元[)）])?`,
  'g',
);
/** After a number: a stop and label text, so its last digit numbers the next row (`00000002.其他…`). */
const ROW_NUMBER_AFTER = /^[.．、](?=[\u4e00-\u9fff“”"（(]|$)/;
/** Units and brackets that make a number part of prose: 154件, 2021年, 〔2019〕60号, 第3次, 3万余人. */
const PROSE_AFTER = /^(?:[件条篇个次起人余年月日号项%％倍家所名位期份批亿）)〕\]］]|万(?!元))/;
const PROSE_BEFORE = /(?:第|约|共|近|达|超|[〔\[［（(：:@/])$/;
const LEADING_ZERO = /^[+\-−＋－]?[0０][0-9０-９]/;
const ASCII_DIGITS = /^[0-9０-９]+$/;

/** A region's lines → tokens. */
export function linesToTokens(lines: readonly Line[]): Token[] {
  const tokens: Token[] = [];
  // Loops, not callbacks: V8 drops the optimised code of closures at each full GC, and these ran for every line of every report.
  for (let seq = 0; seq < lines.length; seq++) {
    const line = lines[seq]!;
    if (line.cells) {
      let afterValue = false;
      for (let i = 0; i < line.cells.length; i++) {
        const text = line.cells[i]!.trim();
        const confidence = line.ocr?.cells?.[i];
        // Digits amid marks (`<i>6</i>`, `1O`) where values stand are a value that cannot be read, not label text;
        // so is a cell of Latin letters after the first (`行政强制\tabc`): no label of the template has one.
        const unreadable: boolean = (confidence !== undefined || afterValue) && ocrValue(text);
        const kind: Token['kind'] = text === '' ? 'empty' : isValueText(text) || unreadable || (i > 0 && lettersOnly(text)) ? 'value' : 'label';
        afterValue ||= kind === 'value';
        const token: Token = { kind, text, line: line.no, seq, cell: true, glued: false };
        if (confidence !== undefined) token.confidence = confidence;
        tokens.push(token);
      }
      continue;
    }
    for (const chunk of joinSigns(line.text.trim().split(/[\s\u3000]+/))) {
      if (chunk === '') continue;
      const read = chunkToTokens(chunk, line.no, seq);
      // A line read by OCR as a whole: each of its pieces is as sure as the line.
      if (line.ocr) for (const t of read) t.confidence = line.ocr.confidence;
      tokens.push(...read);
    }
  }
  return tokens;
}

/**
 * What a cell holds stands where a value may be when it is no label: ink OCR could not read at
 * all, or digits with stray marks (`0.`, `1O`, `<i>6</i>`). The table then reports it as doubtful
 * or unreadable instead of taking it for label text, which would throw the row's values out of place.
 */
function ocrValue(text: string): boolean {
  return text === UNREAD || (/[0-9０-９]/.test(text) && !CJK_CHAR.test(text));
}

/** Latin letters and no CJK: never part of a row label, all of which are Chinese. */
function lettersOnly(text: string): boolean {
  return /[A-Za-zＡ-Ｚａ-ｚ]/.test(text) && !CJK_CHAR.test(text);
}

/** `增 17`, `- 1`: a sign set apart from its number still belongs to it. */
function joinSigns(chunks: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    if (/^[增减+\-−＋－]$/.test(c) && /^[0-9０-９]/.test(chunks[i + 1] ?? '')) out.push(c + chunks[++i]!);
    else out.push(c);
  }
  return out;
}

/** One white-space-free chunk → a value, or label pieces with the values glued between them. */
function chunkToTokens(chunk: string, line: number, seq: number): Token[] {
  if (isValueText(chunk)) return [{ kind: 'value', text: chunk, line, seq, cell: false, glued: LEADING_ZERO.test(chunk) }];
  const out: Token[] = [];
  let label = '';
  let last = 0;
  for (const m of chunk.matchAll(NUMBER)) {
    const at = m.index!;
    let text = m[0];
    const before = chunk.slice(last, at);
    const after = chunk.slice(at + text.length);
    last = at + text.length;
    const numbersRow = ASCII_DIGITS.test(text) && /[1-9１-９]$/.test(text) && ROW_NUMBER_AFTER.test(after);
    if (!numbersRow && (PROSE_AFTER.test(after) || PROSE_BEFORE.test(label + before))) {
      label += before + text;
      continue;
    }
    label += before;
    if (numbersRow) text = text.slice(0, -1);
    if (text !== '') {
      const adjacent = label === '';
      pushLabel(out, label, line, seq);
      label = '';
      pushValue(out, text, adjacent, line, seq);
    }
    if (numbersRow) {
      pushLabel(out, label, line, seq);
      label = m[0].slice(-1);
    }
  }
  pushLabel(out, label + chunk.slice(last), line, seq);
  return out;
}

function pushLabel(out: Token[], label: string, line: number, seq: number): void {
  if (label !== '') out.push({ kind: 'label', text: label, line, seq, cell: false, glued: false });
}

/** A value glued to the one before it (no label between) extends it. */
function pushValue(out: Token[], text: string, adjacent: boolean, line: number, seq: number): void {
  const prev = out[out.length - 1];
  if (adjacent && prev?.kind === 'value') prev.text += text;
  else out.push({ kind: 'value', text, line, seq, cell: false, glued: true });
}
