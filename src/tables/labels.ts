import { compact } from '../text/index.js';
import type { Token } from './tokens.js';

/** A row label put together from pieces; `own` when a piece stands on the line of its values. */
export interface Label {
  text: string;
  own: boolean;
  numbered: boolean;
  line: number;
  /** A piece that ran into digits with no space: its rows stand in run-together text. */
  glued: boolean;
}

/** Where a new row label starts: （二） / 一、 / 1. (never a decimal, never 第一项). */
const NUMBERED_START = /[（(][一二三四五六七八九十][)）]|(?<![第\d])[一二三四五六七八九十][、.．](?!\d)|(?<![\d.])[1-9][.．、](?=\D)/g;
export const NUMBERED = /^(?:[（(][一二三四五六七八九十][)）]|[一二三四五六七八九十][、.．]|[1-9][.．、])/;

/** A piece → its parts, cut before every numbered start (`（三）不予公开1.属于国家秘密` is two). */
export function splitAtNumbers(text: string): string[] {
  const starts = [...text.matchAll(NUMBERED_START)].map((m) => m.index!).filter((i) => i > 0);
  const parts: string[] = [];
  let from = 0;
  for (const at of starts) {
    parts.push(text.slice(from, at));
    from = at;
  }
  parts.push(text.slice(from));
  return parts.filter((p) => p !== '');
}

export interface Assembled {
  /** Pieces before the first numbered label: the rest of the previous row's label. */
  continuation: string;
  labels: Label[];
  /** Markers (group labels, 三、本年度办理结果) seen on the values' own line. */
  ownMarkers: string[];
}

/**
 * Label pieces between two value units → labels. A numbered part starts a label; the parts
 * after it continue it; a marker (a group label printed beside its sub-rows) does not
 * interrupt the label it is printed in the middle of.
 */
export function piecesToLabels(pieces: readonly Token[], seqs: ReadonlySet<number>, isMarker: (text: string) => boolean): Assembled {
  const labels: Label[] = [];
  const ownMarkers: string[] = [];
  let continuation = '';
  let current: Label | null = null;
  for (const piece of pieces) {
    const own = seqs.has(piece.seq);
    for (const part of splitAtNumbers(compact(piece.text))) {
      if (isMarker(part)) {
        if (own) ownMarkers.push(part);
        continue;
      }
      if (NUMBERED.test(part)) {
        current = { text: part, own, numbered: true, line: piece.line, glued: !piece.cell };
        labels.push(current);
      } else if (current) {
        current.text += part;
        current.own ||= own;
      } else if (labels.length === 0 && !own) {
        continuation += part;
      } else {
        labels.push((current = { text: part, own, numbered: false, line: piece.line, glued: !piece.cell }));
      }
    }
  }
  return { continuation, labels, ownMarkers };
}
