/**
 * The national layout of the annual report, as data. Every key here is part of the public
 * output contract (see shared/spec/annual-report.md); the zod schemas, the table parsers and the
 * CSV exporter all read these lists, so a key is spelled in exactly one place.
 */

export type TemplateVersion = '2019' | '2021';
export const TEMPLATES = ['2019', '2021', 'mixed', 'unknown'] as const;
export type Template = (typeof TEMPLATES)[number];

export interface Labelled<K extends string = string> {
  readonly key: K;
  /** The label as printed in the national template. */
  readonly label: string;
}

// ── 表二 主动公开政府信息情况 ────────────────────────────────────────────────

export interface DisclosureColumn extends Labelled {
  /** Distinctive part of the header, matched after whitespace is removed. */
  readonly match: RegExp;
  /** `signed` allows 增/减 deltas; `money` is 万元 with decimals. */
  readonly kind: 'count' | 'signed' | 'money';
}

export interface DisclosureRow extends Labelled {
  readonly match: RegExp;
}

export interface DisclosureBlock {
  /** 第二十条第（X）项 */
  readonly item: '一' | '五' | '六' | '八' | '九';
  readonly rows: readonly DisclosureRow[];
  readonly columns: readonly DisclosureColumn[];
}

const col = (key: string, label: string, match: RegExp, kind: DisclosureColumn['kind'] = 'count'): DisclosureColumn => ({
  key,
  label,
  match,
  kind,
});
const row = (key: string, label: string, match: RegExp): DisclosureRow => ({ key, label, match });

const DECISIONS_2019 = [
  col('previousCount', '上一年项目数量', /上一年项目数/),
  col('change', '本年增/减', /增\/?减|增减/, 'signed'),
  col('decisions', '处理决定数量', /处理决定数/),
];
const DECISIONS_2021 = [col('decisions', '本年处理决定数量', /处理决定数/)];

export const ACTIVE_DISCLOSURE: Record<TemplateVersion, readonly DisclosureBlock[]> = {
  '2019': [
    {
      item: '一',
      rows: [row('regulations', '规章', /规章(?!制度)/), row('normativeDocuments', '规范性文件', /规范性文件/)],
      columns: [
        col('newlyMade', '本年新制作数量', /新制作/),
        col('newlyPublished', '本年新公开数量', /新公开/),
        col('totalPublished', '对外公开总数量', /公开总数/),
      ],
    },
    {
      item: '五',
      rows: [row('licensing', '行政许可', /行政许可/), row('otherServices', '其他对外管理服务事项', /对外管理服务/)],
      columns: DECISIONS_2019,
    },
    {
      item: '六',
      rows: [row('penalty', '行政处罚', /行政处罚/), row('coercion', '行政强制', /行政强制/)],
      columns: DECISIONS_2019,
    },
    {
      item: '八',
      rows: [row('fees', '行政事业性收费', /事业性收费/)],
      columns: DECISIONS_2019.slice(0, 2),
    },
    {
      item: '九',
      rows: [row('procurement', '政府集中采购', /集中采购/)],
      columns: [col('projects', '采购项目数量', /采购项目数/), col('amount', '采购总金额', /采购总金额|总金额/, 'money')],
    },
  ],
  '2021': [
    {
      item: '一',
      rows: [row('regulations', '规章', /规章(?!制度)/), row('normativeDocuments', '行政规范性文件', /规范性文件/)],
      columns: [
        col('issued', '本年制发件数', /制发件数/),
        col('repealed', '本年废止件数', /废止件数/),
        col('inForce', '现行有效件数', /现行有效/),
      ],
    },
    { item: '五', rows: [row('licensing', '行政许可', /行政许可/)], columns: DECISIONS_2021 },
    {
      item: '六',
      rows: [row('penalty', '行政处罚', /行政处罚/), row('coercion', '行政强制', /行政强制/)],
      columns: DECISIONS_2021,
    },
    {
      item: '八',
      rows: [row('fees', '行政事业性收费', /事业性收费/)],
      columns: [col('amount', '本年收费金额（单位：万元）', /收费金额/, 'money')],
    },
  ],
};

/** Header tokens that identify a version; see template-sources.md §1. */
export const VERSION_SIGNALS: Record<TemplateVersion, RegExp> = {
  '2019': /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/?减|采购项目数量|第二十条第[（(]九[)）]项/,
  '2021': /本年制发件数|本年废止件数|现行有效件数|本年收费金额/,
};

// ── 表三 收到和处理政府信息公开申请情况 ──────────────────────────────────────

export const APPLICATION_COLUMNS = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercialEnterprise', label: '商业企业' },
  { key: 'researchInstitution', label: '科研机构' },
  { key: 'socialWelfareOrganization', label: '社会公益组织' },
  { key: 'legalServiceOrganization', label: '法律服务机构' },
  { key: 'otherOrganization', label: '其他' },
  { key: 'total', label: '总计' },
] as const satisfies readonly Labelled[];
export type ApplicationColumn = (typeof APPLICATION_COLUMNS)[number]['key'];
export const APPLICANT_COLUMNS = APPLICATION_COLUMNS.slice(0, 6);

export interface ApplicationRow extends Labelled {
  /** Distinctive phrase of the label; labels are often cut or annotated. */
  readonly match: RegExp;
  /** The group (（三）不予公开 …) a numbered sub-row belongs to, and its number in it. */
  readonly group?: ApplicationGroup;
  readonly n?: number;
  /** Counted in the （七）总计 of outcomes. */
  readonly outcome?: boolean;
}

export type ApplicationGroup = 'denied' | 'unable' | 'notProcessed' | 'otherHandling';

/** Group labels carry no numbers of their own (template-sources.md §4b). Matched on compacted text. */
export const APPLICATION_GROUPS: ReadonlyArray<{ group: ApplicationGroup; label: string; match: RegExp }> = [
  { group: 'denied', label: '（三）不予公开', match: /(?:[（(]三[)）])?不予公开/ },
  { group: 'unable', label: '（四）无法提供', match: /(?:[（(]四[)）])?无法提供/ },
  { group: 'notProcessed', label: '（五）不予处理', match: /(?:[（(]五[)）])?不予处理/ },
  { group: 'otherHandling', label: '（六）其他处理', match: /(?:[（(]六[)）])?其他处理/ },
];

const sub = (group: ApplicationGroup, n: number, key: string, label: string, match: RegExp): ApplicationRow => ({
  key: `${group}.${key}`,
  label,
  match,
  group,
  n,
  outcome: true,
});

const HEAD_ROWS: readonly ApplicationRow[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', match: /本年新收/ },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', match: /上年结转/ },
  { key: 'granted', label: '（一）予以公开', match: /予以公开/, outcome: true },
  {
    key: 'partiallyGranted',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    match: /部分公开/,
    outcome: true,
  },
  sub('denied', 1, 'stateSecret', '1.属于国家秘密', /国家秘密/),
  sub('denied', 2, 'prohibitedByLaw', '2.其他法律行政法规禁止公开', /法规禁止|禁止公开|其他法律/),
  sub('denied', 3, 'threeSecurities', '3.危及“三安全一稳定”', /三安全一稳定|危及/),
  sub('denied', 4, 'thirdPartyRights', '4.保护第三方合法权益', /第三方/),
  sub('denied', 5, 'internalAffairs', '5.属于三类内部事务信息', /内部事务/),
  sub('denied', 6, 'processInformation', '6.属于四类过程性信息', /过程性/),
  sub('denied', 7, 'enforcementFiles', '7.属于行政执法案卷', /执法案卷/),
  sub('denied', 8, 'administrativeQuery', '8.属于行政查询事项', /行政查询/),
  sub('unable', 1, 'notHeld', '1.本机关不掌握相关政府信息', /不掌握/),
  sub('unable', 2, 'needsCreation', '2.没有现成信息需要另行制作', /另行制作|没有现成/),
  sub('unable', 3, 'unclearAfterCorrection', '3.补正后申请内容仍不明确', /仍不明确|补正后/),
  sub('notProcessed', 1, 'petitionComplaint', '1.信访举报投诉类申请', /信访|举报投诉/),
  sub('notProcessed', 2, 'duplicate', '2.重复申请', /重复申请/),
  sub('notProcessed', 3, 'publication', '3.要求提供公开出版物', /出版物/),
  sub('notProcessed', 4, 'excessive', '4.无正当理由大量反复申请', /大量反复/),
  sub('notProcessed', 5, 'confirmOrReissue', '5.要求行政机关确认或重新出具已获取信息', /重新出具|确认或/),
];

const TAIL_ROWS: readonly ApplicationRow[] = [
  { key: 'total', label: '（七）总计', match: /[（(]七[)）]|^总计$|^合计$/ },
  { key: 'carriedForward', label: '四、结转下年度继续办理', match: /结转下年/ },
];

export const APPLICATION_ROWS: Record<TemplateVersion, readonly ApplicationRow[]> = {
  '2019': [
    ...HEAD_ROWS,
    { key: 'otherHandling', label: '（六）其他处理', match: /其他处理/, outcome: true },
    ...TAIL_ROWS,
  ],
  '2021': [
    ...HEAD_ROWS,
    sub(
      'otherHandling',
      1,
      'overdueCorrection',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      /逾期不补正/,
    ),
    sub(
      'otherHandling',
      2,
      'unpaidFee',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      /收费通知|缴纳费用/,
    ),
    sub('otherHandling', 3, 'other', '3.其他', /^\d[.．、]?其他$/),
    ...TAIL_ROWS,
  ],
};

// ── 表四 行政复议、行政诉讼 ─────────────────────────────────────────────────

export const REVIEW_GROUPS = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼 未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '行政诉讼 复议后起诉' },
] as const satisfies readonly Labelled[];

export const REVIEW_COLUMNS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const satisfies readonly Labelled[];

// ── 六个部分 ───────────────────────────────────────────────────────────────

export const SECTIONS = [
  { number: 1, id: 'overview', label: '一、总体情况' },
  { number: 2, id: 'activeDisclosure', label: '二、主动公开政府信息情况' },
  { number: 3, id: 'applications', label: '三、收到和处理政府信息公开申请情况' },
  { number: 4, id: 'reviewLitigation', label: '四、政府信息公开行政复议、行政诉讼情况' },
  { number: 5, id: 'problems', label: '五、存在的主要问题及改进情况' },
  { number: 6, id: 'other', label: '六、其他需要报告的事项' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export const TABLES = [
  { key: 'activeDisclosure', label: '表二 主动公开政府信息情况', section: 2 },
  { key: 'applications', label: '表三 收到和处理政府信息公开申请情况', section: 3 },
  { key: 'reviewLitigation', label: '表四 行政复议、行政诉讼情况', section: 4 },
] as const;
export type TableKey = (typeof TABLES)[number]['key'];

/** Each table's short name as diagnostics give it (表二, 表三, 表四). */
export const TABLE_NAMES = Object.fromEntries(TABLES.map((t) => [t.key, t.label.slice(0, t.label.indexOf(' '))])) as Record<TableKey, string>;
