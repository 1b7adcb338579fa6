import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { agencyToKind, publicationDeadline, publishedOnTime } from '../src/indicators/index.js';
import { linesToPublished } from '../src/segment/published.js';
import { SEEDS, describeShared, sharedPath } from './shared.js';

const lines = (...texts: string[]) => texts.map((text, i) => ({ no: i + 1, text }));

describe('publishedOn', () => {
  it("the page's own date wins over the signature", () => {
    expect(linesToPublished(lines('六、其他需要报告的事项', '无。', '示例县自然资源局', '2021年1月26日'), { published: '2021-01-27 11:26' }, 2020)).toEqual({ publishedOn: '2021-01-27', publishedFrom: 'page' });
    expect(linesToPublished(lines('无。'), { published: '2021/2/3' }, 2020).publishedOn).toBe('2021-02-03');
    expect(linesToPublished(lines('无。'), { published: '2021年2月3日 09:00' }, 2020).publishedOn).toBe('2021-02-03');
  });
  it('the date that signs the report: on its own line, after the agency on one line, in characters', () => {
    expect(linesToPublished(lines('无。', '示例县自然资源局', '2021年1月26日'), undefined, 2020)).toEqual({ publishedOn: '2021-01-26', publishedFrom: 'signature' });
    expect(linesToPublished(lines('六、其他需要报告的事项无。河北省教育厅2022年1月20日'), undefined, 2021).publishedOn).toBe('2022-01-20');
    expect(linesToPublished(lines('示例县人民政府办公室', '二〇二二年三月十五日'), undefined, 2021).publishedOn).toBe('2022-03-15');
    expect(linesToPublished(lines('示例县人民政府办公室', '二〇二二年一月三十一日'), undefined, 2021).publishedOn).toBe('2022-01-31');
    // A contact note after the date, as real pages leave it.
    expect(linesToPublished(lines('示例局 2021年1月26日 （联系人：张三，联系方式：0591-1234567） 附件下载'), undefined, 2020).publishedOn).toBe('2021-01-26');
  });
  it('no date rather than a wrong one', () => {
    // A period ending the text, within the report year, is not a signature.
    expect(linesToPublished(lines('本报告统计期限为2021年1月1日至2021年12月31日'), undefined, 2021).publishedOn).toBeNull();
    expect(linesToPublished(lines('示例局', '2021年12月20日'), undefined, 2021).publishedOn).toBeNull();
    // A date mid-sentence, or far above the end.
    expect(linesToPublished(lines('2022年1月5日召开会议，部署工作。'), undefined, 2021).publishedOn).toBeNull();
    expect(linesToPublished(lines('示例局', '2022年1月5日', '六、其他需要报告的事项', '无。', '（完）', '附件：无'), undefined, 2021).publishedOn).toBeNull();
    // Not a date.
    expect(linesToPublished(lines('示例局', '2022年2月30日'), undefined, 2021).publishedOn).toBeNull();
    expect(linesToPublished(lines('无。'), { published: '近日' }, 2021)).toEqual({ publishedOn: null, publishedFrom: null });
  });
});

describe('agency kind, Art. 49 deadline, on time', () => {
  it.each([
    ['淮安市洪泽区人民政府', 'government'],
    ['平潭综合实验区', 'government'],
    ['示例县', 'government'],
    ['某某经济技术开发区管理委员会', 'government'],
    ['某某市人民政府办公室', 'department'],
    ['河北省教育厅', 'department'],
    ['上海市科学技术委员会', 'department'],
    ['平潭综合实验区交通与建设局', 'department'],
    ['示例乡人民政府', 'government'],
    ['某某', 'unknown'],
  ] as const)('%s: %s', (agency, kind) => {
    expect(agencyToKind(agency)).toBe(kind);
  });
  it('departments by 31 January, governments by 31 March; townships and unknowns have none', () => {
    expect(publicationDeadline(2021, 'department', '河北省教育厅')).toBe('2022-01-31');
    expect(publicationDeadline(2021, 'government', '示例县')).toBe('2022-03-31');
    expect(publicationDeadline(2021, 'government', '示例镇人民政府')).toBeNull();
    expect(publicationDeadline(2021, 'unknown', '某某')).toBeNull();
    expect(publicationDeadline(null, 'department', '河北省教育厅')).toBeNull();
    expect(publishedOnTime('2022-01-31', '2022-01-31')).toBe(true);
    expect(publishedOnTime('2022-02-01', '2022-01-31')).toBe(false);
    expect(publishedOnTime(null, '2022-01-31')).toBeNull();
    expect(publishedOnTime('2022-02-01', null)).toBeNull();
  });
});

// Every real page and text that carries a date, and those that carry none.
const REAL: Array<[string, string | null, 'page' | 'signature' | null, boolean | null]> = [
  ['real/pingtan-2019.html', '2020-01-20', 'page', true], // <meta name="PubDate" content="2020-01-20 15:22"/>
  ['real/pingtan-2021.html', '2022-02-08', 'page', true],
  ['real/pingtan-2022.html', '2023-02-20', 'page', true],
  ['real/pingtan-2023.html', '2024-03-08', 'page', true],
  ['real/text/fujian-pingtan-2025.page.txt', '2026-03-10', 'page', true], // 发布时间: 2026-03-10 12:56
  ['real/text/fujian-pingtan-jiaotongjiansheju-2020.page.txt', '2021-01-27', 'page', true], // 发布时间: 2021-01-27 11:26
  ['real/text/hebei-jyt-2021.txt', '2022-01-20', 'signature', true], // …河北省教育厅2022年1月20日
  [SEEDS.zhuji, '2021-01-11', 'signature', true], // 诸暨市应急管理局 / 2021年1月11日
  ['real/text/hebei-kjt-2021.txt', null, null, null],
  ['real/text/shanghai-kewei-2024.source.md', null, null, null],
  ['real/hzq2023.pdf', null, null, null],
  ['real/hzq2024.pdf', null, null, null],
  [SEEDS.dongfeng, null, null, null],
  [SEEDS.wuzhongCity, null, null, null],
  [SEEDS.shizuishan, null, null, null],
];

describeShared('publishedOn of the real documents', REAL.map(([rel]) => rel), () => {
  it.each(REAL)('%s: %s (%s), on time %s', async (rel, on, from, onTime) => {
    const r = await parseFile(sharedPath(rel));
    expect([r.report.publishedOn, r.report.publishedFrom, r.report.onTime]).toEqual([on, from, onTime]);
  });
});
