import type { Line, PageMeta } from '../extract/document.js';
import { compact } from '../text/index.js';

/** `2026-03-10 12:56`, `2021/1/27`, `2021年1月27日`, as pages and crawlers give their dates. */
const NUMERIC_DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const DIGIT = '〇○零O0一二三四五六七八九';
/** A signature date, in digits or in characters (二〇二二年一月二十日), ending its line. */
const SIGNATURE = new RegExp(
  `(?<![至到\\-—~－])(?:((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日|([${DIGIT}]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日)` +
    // What may follow on the line: a contact note in brackets, a download link's text.
    `(?:[（(][^）)]*[）)]|附件下载|附件)*$`,
);
/** How far from the end a signature may stand: the agency's name and the date, perhaps a note. */
const SIGNATURE_LINES = 3;

export interface Published {
  publishedOn: string | null;
  publishedFrom: 'page' | 'signature' | null;
}

/**
 * The page's own date first (a web page's PubDate, a crawler's 发布时间): it is when the report
 * went out. Otherwise the date that signs the report, when it is after the report year (a date
 * within the year ending the text is a period, 至2021年12月31日, cut short, not a signature).
 */
export function linesToPublished(lines: readonly Line[], meta: PageMeta | undefined, year: number | null): Published {
  const page = meta?.published ? numericDate(meta.published) : null;
  if (page) return { publishedOn: page, publishedFrom: 'page' };
  // From the end: only the last lines are read, not the whole document compacted for them.
  for (let i = lines.length - 1, seen = 0; i >= 0 && seen < SIGNATURE_LINES; i--) {
    const text = compact(lines[i]!.text);
    if (text === '') continue;
    seen++;
    const date = signatureDate(text);
    if (date && (year === null || Number(date.slice(0, 4)) > year)) return { publishedOn: date, publishedFrom: 'signature' };
  }
  return { publishedOn: null, publishedFrom: null };
}

function numericDate(text: string): string | null {
  const m = NUMERIC_DATE.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function signatureDate(text: string): string | null {
  const m = SIGNATURE.exec(text);
  if (!m) return null;
  if (m[1]) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const year = Number([...m[4]!].map((c) => DIGITS.get(c)).join(''));
  return isoDate(year, chineseNumber(m[5]!), chineseNumber(m[6]!));
}

const DIGITS = new Map<string, number>([...[...'〇○零O0'].map((c) => [c, 0] as [string, number]), ...[...'一二三四五六七八九'].map((c, i) => [c, i + 1] as [string, number])]);

/** 一 … 三十一, as months and days are written. */
function chineseNumber(text: string): number {
  const [tens, units] = text.includes('十') ? text.split('十') : ['', text];
  const t = tens === undefined ? 0 : text.includes('十') ? (tens === '' ? 1 : (DIGITS.get(tens) ?? NaN)) : 0;
  const u = units === '' || units === undefined ? 0 : (DIGITS.get(units) ?? NaN);
  return t * 10 + u;
}

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
