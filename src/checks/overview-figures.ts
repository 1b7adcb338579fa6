import { diagnostic } from '../diagnostics.js';
import { compact } from '../normalize/index.js';
import type { Diagnostic } from '../schema/index.js';
import type { Tables } from '../tables/index.js';
import { cellAt, outcome, sumOrNull, type Rule } from './rule.js';

type Table = NonNullable<Tables['applications']>;
const total = (t: Table, row: string) => cellAt(t, row, 'total');

/**
 * Figures the overview states, and the readings of 表三 they may mean: reports count
 * "applications received" as the new ones, as new plus carried over, or as all handled.
 */
const FIGURES = [
  {
    name: '收到申请',
    pattern: /(?:收到|受理|新收|接收)[^，。；]{0,20}?申请[^，。；\d]{0,6}?(\d+)件/,
    readings: (t: Table) => [
      { label: '一、本年新收', value: total(t, 'newReceived') },
      { label: '本年新收 + 上年结转', value: sumOrNull([total(t, 'newReceived'), total(t, 'carriedOver')]) },
      { label: '（七）总计', value: total(t, 'total') },
    ],
    row: 'newReceived',
  },
  {
    name: '予以公开',
    pattern: /予以公开[^，。；\d]{0,8}?(\d+)件/,
    readings: (t: Table) => [
      { label: '（一）予以公开', value: total(t, 'granted') },
      { label: '（一）予以公开 + （二）部分公开', value: sumOrNull([total(t, 'granted'), total(t, 'partiallyGranted')]) },
    ],
    row: 'granted',
  },
] as const;
const NONE_RECEIVED = /未(?:收到|受理)[^，。；]{0,10}申请/;

/** Figures stated in 一、总体情况 (收到申请N件, 予以公开N件) against 表三's 总计 column; prose is loose, so a warning. */
export const overviewFigures: Rule = {
  id: 'overview-figures',
  description: 'figures stated in 一、总体情况 (收到申请N件, 予以公开N件) match 表三',
  severity: 'warning',
  run({ tables, texts }) {
    const t = tables.applications;
    const text = texts?.get(1);
    if (!t) return outcome(this.id, [], ['表三 not found']);
    if (text === undefined) return outcome(this.id, [], ['section 一 not found']);
    const prose = compact(text);
    const stated = FIGURES.flatMap((f) => {
      const m = f.pattern.exec(prose);
      return m ? [{ name: f.name, said: Number(m[1]), row: f.row, readings: f.readings(t) }] : [];
    });
    if (stated.length === 0 && NONE_RECEIVED.test(prose)) stated.push({ name: '收到申请', said: 0, row: 'newReceived', readings: FIGURES[0].readings(t) });
    if (stated.length === 0) return outcome(this.id, [], ['the overview states no application figures']);
    const failures: Diagnostic[] = [];
    const unassessable: string[] = [];
    for (const s of stated) {
      const known = s.readings.filter((r) => typeof r.value === 'number');
      if (known.length === 0) unassessable.push(`${s.name}: 表三 values missing`);
      else if (!known.some((r) => r.value === s.said)) {
        const options = known.map((r) => `${r.label} ${r.value}`).join(', ');
        failures.push(
          diagnostic('warning', this.id, `一、总体情况 says ${s.name} ${s.said}件, but 表三 has ${options}`, {
            where: { table: 'applications', row: s.row, column: 'total', section: 1 },
            expected: known[0]!.value!,
            actual: s.said,
          }),
        );
      }
    }
    return outcome(this.id, failures, unassessable);
  },
};
