import { APPLICATION_GROUPS, APPLICATION_ROWS, REVIEW_GROUPS, type TableKey } from './template.js';

/**
 * The rates users compute from a report, as data over the template's keys: one definition each,
 * so the JSON, the wide CSV and the workbook all name the same numerator and denominator.
 * Sources of the definitions: shared/notes/indicators-and-outputs.md.
 */

/** A cell of a table, by keys; `sign` −1 subtracts it (复议 总计 − 尚未审结). */
export interface Term {
  readonly table: TableKey;
  readonly row: string;
  readonly column: string;
  readonly label: string;
  readonly sign: 1 | -1;
}

export interface IndicatorDefinition {
  readonly key: string;
  readonly label: string;
  readonly numerator: readonly Term[];
  readonly denominator: readonly Term[];
}

const a = (row: string, label: string, sign: 1 | -1 = 1): Term => ({ table: 'applications', row, column: 'total', label: `表三 ${label} 总计`, sign });
const r = (group: string, column: string, label: string, sign: 1 | -1 = 1): Term => {
  const g = REVIEW_GROUPS.find((x) => x.key === group)!;
  return { table: 'reviewLitigation', row: group, column, label: `表四 ${g.label} ${label}`, sign };
};

/** Both layouts list the same 不予公开, 无法提供 and 不予处理 rows. */
const groupRows = (group: string) => APPLICATION_ROWS['2021'].filter((row) => row.group === group).map((row) => a(row.key, row.label));

const granted = [a('granted', '（一）予以公开'), a('partiallyGranted', '（二）部分公开')];
const closed = [a('total', '（七）总计')];
const requests = [a('newReceived', '一、本年新收'), a('carriedOver', '二、上年结转')];
const disputes = (column: 'corrected' | 'total', label: string) => REVIEW_GROUPS.map((g) => r(g.key, column, label));

export const INDICATORS = [
  { key: 'substantiveDisclosureRate', label: '实质公开率（办结）', numerator: granted, denominator: closed },
  { key: 'substantiveDisclosureRateOfRequests', label: '实质公开率（新收+结转）', numerator: granted, denominator: requests },
  { key: 'disclosureRate', label: '公开率', numerator: granted.slice(0, 1), denominator: closed },
  { key: 'reviewCorrectionRate', label: '复议纠错率（总计）', numerator: [r('review', 'corrected', '结果纠正')], denominator: [r('review', 'total', '总计')] },
  {
    key: 'reviewCorrectionRateOfDecided',
    label: '复议纠错率（已审结）',
    numerator: [r('review', 'corrected', '结果纠正')],
    denominator: [r('review', 'total', '总计'), r('review', 'pending', '尚未审结', -1)],
  },
  { key: 'reviewLitigationCorrectionRate', label: '复议+诉讼纠错率', numerator: disputes('corrected', '结果纠正'), denominator: disputes('total', '总计') },
  { key: 'disputeConversionRate', label: '争议转化率', numerator: disputes('total', '总计'), denominator: [a('newReceived', '一、本年新收')] },
  { key: 'carryForwardRate', label: '结转率', numerator: [a('carriedForward', '四、结转下年度继续办理')], denominator: requests },
  { key: 'deniedShare', label: '不予公开占比', numerator: groupRows('denied'), denominator: closed },
  { key: 'unableShare', label: '无法提供占比', numerator: groupRows('unable'), denominator: closed },
  { key: 'notProcessedShare', label: '不予处理占比', numerator: groupRows('notProcessed'), denominator: closed },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorKey = (typeof INDICATORS)[number]['key'];

/**
 * `(a + b) / c`, in the template's labels and then in keys: the definition a reader can check.
 * A whole group of rows (the eight 不予公开 reasons) is written as the group, `denied.*`.
 */
export function definitionText(def: IndicatorDefinition): string {
  const side = (terms: readonly Shown[], name: (t: Shown) => string) => {
    const text = terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${name(t)}`).join('');
    return terms.length > 1 ? `(${text})` : text;
  };
  const key = (t: Shown) => `${t.table}.${t.row}.${t.column}`;
  const label = (t: Shown) => t.label;
  const [n, d] = [shown(def.numerator), shown(def.denominator)];
  return `${side(n, label)} / ${side(d, label)} = ${side(n, key)} / ${side(d, key)}`;
}

type Shown = Pick<Term, 'table' | 'row' | 'column' | 'label' | 'sign'>;

function shown(terms: readonly Term[]): Shown[] {
  for (const g of APPLICATION_GROUPS) {
    const rows = APPLICATION_ROWS['2021'].filter((row) => row.group === g.group).map((row) => row.key);
    const all = terms.length === rows.length && terms.every((t, i) => t.table === 'applications' && t.row === rows[i] && t.sign === 1);
    if (all) return [{ table: 'applications', row: `${g.group}.*`, column: terms[0]!.column, label: `表三 ${g.label}（${rows.length}项之和） 总计`, sign: 1 }];
  }
  return [...terms];
}
