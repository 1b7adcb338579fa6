import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { WEB_FIXTURES } from '../scripts/synthetic/web-fixtures.js';
import { expectedTables } from '../scripts/synthetic/spec.js';
import { htmlBytesToText } from '../src/extract/html/decode.js';
import { tableToRows } from '../src/extract/html/index.js';
import { findReportRoot } from '../src/extract/html/root.js';
import { describeShared, sharedPath } from './shared.js';
import { parseFile, type Report } from '../src/index.js';

const oracle = (t: string) => (t === '' ? null : /^\d+(\.\d+)?$/.test(t) ? Number(t) : t.startsWith('增') ? Number(t.slice(1)) : t.startsWith('减') ? 0 - Number(t.slice(1)) || 0 : NaN);
const dir = (f: string) => (f.endsWith('.docx') ? 'fixtures/docx' : 'fixtures/html');

describe('generated web pages and Word files parse back to their specification', () => {
  it.each(WEB_FIXTURES.map((f) => [f.file, f] as const))('%s', async (file, f) => {
    const r = await parseFile(path.join(dir(file), file));
    expect(r.tables).toEqual(expectedTables(f.spec, oracle));
    expect(r.report).toMatchObject({ title: `${f.spec.agency}${f.spec.year}年政府信息公开工作年度报告`, agency: f.spec.agency, year: f.spec.year, template: f.spec.version });
    expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.source.format).toBe(file.endsWith('.docx') ? 'docx' : 'html');
  });
  it('reads a GB2312 page by its declared charset, and keeps the site around it out of the text', async () => {
    const r = await parseFile('fixtures/html/2021-site-gbk.html');
    expect(r.source.encoding).toBe('gb18030');
    const text = r.sections.map((s) => s.text).join('\n');
    expect(text).not.toMatch(/首页|网站地图|document\.write|当前位置/);
    expect(r.sections[5]!.text).toBe('本年度未收取信息处理费。');
  });
  it('flags the &nbsp; cells as blank, with table, row and column', async () => {
    const r = await parseFile('fixtures/html/2019-split-digits.html');
    expect(r.diagnostics.filter((d) => d.rule === 'value-blank').map((d) => [d.where?.table, d.where?.row, d.where?.column])).toEqual([
      ['activeDisclosure', 'fees', 'change'],
      ['applications', 'carriedOver', 'commercialEnterprise'],
    ]);
  });
});

type Grid = Record<string, Record<string, number | null> | Record<string, Record<string, number | null>>>;
const row = (...v: number[]) => ({ naturalPerson: v[0], commercialEnterprise: v[1], researchInstitution: v[2], socialWelfareOrganization: v[3], legalServiceOrganization: v[4], otherOrganization: v[5], total: v[6] });
const group = (...v: number[]) => ({ upheld: v[0], corrected: v[1], other: v[2], pending: v[3], total: v[4] });
function rows(r: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.tables.applications as Grid)) {
    if ('total' in v) out[k] = v;
    else for (const [k2, v2] of Object.entries(v)) out[`${k}.${k2}`] = v2;
  }
  return out;
}
/** Every 表三 row is zero but the ones given. */
function expectT3(r: Report, nonZero: Record<string, ReturnType<typeof row>>, count: number) {
  const all = rows(r);
  expect(Object.keys(all)).toHaveLength(count);
  for (const [k, v] of Object.entries(all)) expect(v, k).toEqual(nonZero[k] ?? row(0, 0, 0, 0, 0, 0, 0));
}

// Typed in by hand from the markup of the saved pages (shared/real), independent of the goldens.
describeShared('real saved pages: 平潭综合实验区', ['real/pingtan-2019.html', 'real/pingtan-2021.html', 'real/pingtan-2022.html', 'real/pingtan-2023.html'], () => {
  it('2019 (2019 layout; 采购总金额 in 元)', async () => {
    const r = await parseFile(sharedPath('real/pingtan-2019.html'));
    // <meta name="PubDate" content="2020-01-20 15:22"/>
    expect(r.report).toEqual({ title: '平潭综合实验区2019年政府信息公开工作年度报告', agency: '平潭综合实验区', year: 2019, template: '2019', publishedOn: '2020-01-20', publishedFrom: 'page', agencyKind: 'government', deadline: '2020-03-31', onTime: true });
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
      normativeDocuments: { newlyMade: 89, newlyPublished: 89, totalPublished: 89 },
      licensing: { previousCount: 396, change: 0, decisions: 181 },
      otherServices: { previousCount: 10, change: 0, decisions: 153 },
      penalty: { previousCount: 2648, change: 0, decisions: 430 },
      coercion: { previousCount: 126, change: 0, decisions: 25 },
      fees: { previousCount: 35, change: 0 },
      procurement: { projects: 135, amount: 7539.443252 },
    });
    expect((r.raw.activeDisclosure as Record<string, Record<string, string>>)['procurement']!['amount']).toBe('75394432.52元');
    expectT3(r, {
      newReceived: row(23, 0, 0, 0, 0, 0, 23), granted: row(7, 0, 0, 0, 0, 0, 7), partiallyGranted: row(1, 0, 0, 0, 0, 0, 1),
      'unable.notHeld': row(7, 0, 0, 0, 0, 0, 7), 'unable.unclearAfterCorrection': row(5, 0, 0, 0, 0, 0, 5),
      'notProcessed.duplicate': row(3, 0, 0, 0, 0, 0, 3), total: row(23, 0, 0, 0, 0, 0, 23),
    }, 23);
    expect(r.tables.reviewLitigation).toEqual({ review: group(0, 0, 0, 0, 0), litigationDirect: group(0, 0, 0, 0, 0), litigationAfterReview: group(0, 0, 0, 0, 0) });
  });
  it('2021 (header spans that do not match the body: read row by row)', async () => {
    const r = await parseFile(sharedPath('real/pingtan-2021.html'));
    // <meta name="PubDate" content="2022-02-08 16:34"/>
    expect(r.report).toEqual({ title: '平潭综合实验区2021年度政府信息公开工作年度报告', agency: '平潭综合实验区', year: 2021, template: '2021', publishedOn: '2022-02-08', publishedFrom: 'page', agencyKind: 'government', deadline: '2022-03-31', onTime: true });
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 }, normativeDocuments: { issued: 69, repealed: 3, inForce: 665 },
      licensing: { decisions: 2293 }, penalty: { decisions: 1282 }, coercion: { decisions: 42 }, fees: { amount: 24252.311082 },
    });
    expectT3(r, {
      newReceived: row(64, 0, 0, 2, 0, 4, 70), granted: row(27, 0, 0, 2, 0, 1, 30), partiallyGranted: row(5, 0, 0, 0, 0, 0, 5),
      'denied.internalAffairs': row(1, 0, 0, 0, 0, 0, 1), 'denied.enforcementFiles': row(6, 0, 0, 0, 0, 0, 6),
      'denied.administrativeQuery': row(1, 0, 0, 0, 0, 0, 1), 'unable.notHeld': row(22, 0, 0, 0, 0, 3, 25),
      'otherHandling.other': row(1, 0, 0, 0, 0, 0, 1), total: row(63, 0, 0, 2, 0, 4, 69), carriedForward: row(1, 0, 0, 0, 0, 0, 1),
    }, 25);
    expect(r.tables.reviewLitigation).toEqual({ review: group(1, 0, 2, 0, 3), litigationDirect: group(12, 0, 0, 0, 12), litigationAfterReview: group(0, 0, 0, 0, 0) });
  });
  it('2022', async () => {
    const r = await parseFile(sharedPath('real/pingtan-2022.html'));
    expect(r.report.title).toBe('平潭综合实验区2022年度政府信息公开工作年度报告');
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 }, normativeDocuments: { issued: 88, repealed: 55, inForce: 698 },
      licensing: { decisions: 10690 }, penalty: { decisions: 2113 }, coercion: { decisions: 0 }, fees: { amount: 9116.36 },
    });
    expectT3(r, {
      newReceived: row(71, 3, 0, 0, 0, 0, 74), carriedOver: row(1, 0, 0, 0, 0, 0, 1), granted: row(21, 0, 0, 0, 0, 0, 21),
      partiallyGranted: row(8, 1, 0, 0, 0, 0, 9), 'denied.internalAffairs': row(1, 0, 0, 0, 0, 0, 1),
      'denied.processInformation': row(2, 0, 0, 0, 0, 0, 2), 'denied.enforcementFiles': row(1, 0, 0, 0, 0, 0, 1),
      'unable.notHeld': row(37, 0, 0, 0, 0, 0, 37), 'otherHandling.overdueCorrection': row(2, 0, 0, 0, 0, 0, 2),
      'otherHandling.other': row(0, 2, 0, 0, 0, 0, 2), total: row(72, 3, 0, 0, 0, 0, 75),
    }, 25);
    expect(r.tables.reviewLitigation).toEqual({ review: group(0, 1, 1, 0, 2), litigationDirect: group(1, 0, 0, 0, 1), litigationAfterReview: group(0, 0, 0, 0, 0) });
  });
  it('2023', async () => {
    const r = await parseFile(sharedPath('real/pingtan-2023.html'));
    expect(r.tables.activeDisclosure).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 }, normativeDocuments: { issued: 77, repealed: 132, inForce: 470 },
      licensing: { decisions: 2629 }, penalty: { decisions: 1330 }, coercion: { decisions: 54 }, fees: { amount: 5949.088667 },
    });
    expectT3(r, {
      newReceived: row(80, 1, 0, 0, 0, 0, 81), granted: row(22, 0, 0, 0, 0, 0, 22), partiallyGranted: row(19, 1, 0, 0, 0, 0, 20),
      'denied.thirdPartyRights': row(1, 0, 0, 0, 0, 0, 1), 'denied.processInformation': row(1, 0, 0, 0, 0, 0, 1),
      'denied.enforcementFiles': row(1, 0, 0, 0, 0, 0, 1), 'denied.administrativeQuery': row(2, 0, 0, 0, 0, 0, 2),
      'unable.notHeld': row(31, 0, 0, 0, 0, 0, 31), 'notProcessed.duplicate': row(1, 0, 0, 0, 0, 0, 1),
      'otherHandling.overdueCorrection': row(1, 0, 0, 0, 0, 0, 1), 'otherHandling.other': row(1, 0, 0, 0, 0, 0, 1),
      total: row(80, 1, 0, 0, 0, 0, 81),
    }, 25);
    expect(r.tables.reviewLitigation).toEqual({ review: group(1, 1, 0, 0, 2), litigationDirect: group(4, 0, 0, 1, 5), litigationAfterReview: group(1, 0, 1, 0, 2) });
    expect(r.checks.every((c) => c.outcome === 'passed')).toBe(true);
  });
});

describe('HTML reader units', () => {
  it('expands rowspan and colspan, a merged cell in the first row it spans', () => {
    const $ = cheerio.load('<table><tr><td rowspan="2">组</td><td colspan="2">合并</td></tr><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>1<span>2</span><font>3</font></td><td>&nbsp;</td></tr></table>');
    expect(tableToRows($('table')[0]!)).toEqual([['组', '合并'], ['a', 'b'], ['c', '123', '']]);
  });
  it('finds the report in the smallest container with the most headings, headings split over tags, comments not read', () => {
    const headings = ['一、总体情况', '二、主动公开', '三、收到和处理', '四、行政复议', '五、存在的问题', '六、其他需要报告'];
    const $ = cheerio.load(
      '<body><div id="nav"><!-- ' + headings.join(' ') + ' --><table><tr><td>首页</td></tr></table></div>' +
        '<div id="outer"><div id="article"><p><b>一、</b> 总 体情况</p><p>二、<span>主动</span>公开</p>' +
        headings.slice(2).map((h) => `<p>${h}</p>`).join('') +
        '<table><tr><td>规章</td><td>1</td></tr></table></div><div id="footer">版权所有</div></div></body>',
    );
    expect(findReportRoot($).attribs['id']).toBe('article');
  });
  it('bounds absurd spans', () => {
    const $ = cheerio.load('<table><tr><td rowspan="99999999" colspan="99999999">x</td></tr></table>');
    expect(tableToRows($('table')[0]!)).toEqual([['x']]);
  });
  it('decodes by the declared charset, and detects when the declaration is wrong', () => {
    const gbk = Buffer.from([...Buffer.from('<meta charset="gbk"><p>'), 0xd6, 0xd0, 0xce, 0xc4]);
    expect(htmlBytesToText(gbk)).toEqual({ text: '<meta charset="gbk"><p>中文', encoding: 'gb18030' });
    const lying = Buffer.from([...Buffer.from('<meta charset="utf-8"><p>'), 0xd6, 0xd0, 0xce, 0xc4]);
    expect(htmlBytesToText(lying).text).toBe('<meta charset="utf-8"><p>中文');
  });
  it('fails a .doc that is only an OLE2 signature with a clear message', async () => {
    const r = await parseFile('test/bad/legacy.doc');
    expect(r.status).toBe('failed');
    expect(r.diagnostics[0]!.message).toBe('test/bad/legacy.doc: damaged Office 97–2003 file (shorter than its header)');
  });
});
