import { consistentSpec, type Spec } from './spec.js';
import type { FixtureDef } from './fixtures.js';

const with_ = (spec: Spec, edit: (s: Spec) => void): Spec => {
  edit(spec);
  return spec;
};
const total = (s: Spec, row: string) => s.t3[row]![6]!;
const applicants = (s: Spec, row: string) => s.t3[row]!.slice(0, 6).map(Number);

/** Two consecutive years of one agency: 2022 carries over what 2021 carried forward, and 现行有效 follows on. */
function twoYears(agency: string, seed: number, consistent: boolean): [Spec, Spec] {
  const a = with_(consistentSpec(`${agency}-2021`, '2021', 2021, seed, agency), (s) => {
    s.t2['regulations']!['inForce'] = '40';
    s.t2['normativeDocuments']!['inForce'] = '5000';
    s.overview = ['（一）主动公开。本机关坚持以公开为常态、不公开为例外，全年主动公开各类政府信息，做到应公开尽公开。', '（二）依申请公开。本机关严格按照法定时限答复申请人，答复格式规范，内容完整。'];
  });
  const carried = consistent ? applicants(a, 'carriedForward') : applicants(a, 'carriedForward').map((n) => n + 1);
  const b = with_(consistentSpec(`${agency}-2022`, '2021', 2022, seed + 1, agency, carried), (s) => {
    const next = (row: string, off: number) => String(Number(a.t2[row]!['inForce']) + Number(s.t2[row]!['issued']) - Number(s.t2[row]!['repealed']) + off);
    s.t2['regulations']!['inForce'] = next('regulations', 0);
    s.t2['normativeDocuments']!['inForce'] = next('normativeDocuments', consistent ? 0 : 7);
    s.overview = consistent
      ? ['（一）主动公开。本年度围绕重点领域深化公开，新增政策解读专栏，及时回应社会关切。', '（二）依申请公开。本年度进一步优化申请受理渠道，推行网上申请，办理时限明显缩短。']
      : a.overview;
    if (consistent) {
      s.problems = '上年度指出的解读形式单一问题已完成整改，本年度将重点提升基层公开的规范化水平。';
      s.other = '本年度发出收费通知0件，未收取信息处理费。';
    }
  });
  return [a, b];
}

const [town21, town22] = twoYears('示例镇人民政府', 41, true);
const [village21, village22] = twoYears('示例乡人民政府', 43, false);
// A consistent pair, but with placeholders exactly where the cross-year rules need numbers.
const [county21, county22] = twoYears('示例区司法局', 61, true);
county21.t3['carriedForward']![0] = '-';
county22.t2['normativeDocuments']!['inForce'] = '/';

/** Fixtures for the rules of `gov-report check`: each passes in one, fails in one, cannot be assessed in one. */
export const CHECK_FIXTURES: FixtureDef[] = [
  {
    file: 'fee-reported.txt',
    shape: 'tabs',
    why: 'fee-not-reported passes: 表三 （六）2. is non-zero and section 六 reports the 信息处理费',
    spec: with_(consistentSpec('fee-reported', '2021', 2022, 51), (s) => (s.other = '本年度发出收费通知5件，实际收取信息处理费0元。')),
  },
  {
    file: 'fee-not-reported.txt',
    shape: 'tabs',
    why: 'fee-not-reported fails: 表三 （六）2. is non-zero, section 六 says nothing of fees',
    spec: with_(consistentSpec('fee-not-reported', '2021', 2022, 52), (s) => (s.other = '无。')),
  },
  {
    file: 'fee-unknown.txt',
    shape: 'tabs',
    why: 'fee-not-reported cannot be assessed: 表三 （六）2. 总计 is a placeholder',
    spec: with_(consistentSpec('fee-unknown', '2021', 2022, 53), (s) => {
      s.t3['otherHandling.unpaidFee']![6] = '-';
      s.other = '无。';
    }),
  },
  {
    file: 'overview-matches.txt',
    shape: 'tabs',
    why: 'overview-figures passes: the overview states the figures of 表三',
    spec: with_(consistentSpec('overview-matches', '2021', 2022, 54), (s) => {
      s.overview = [`（二）依申请公开。本年度共收到政府信息公开申请${total(s, 'newReceived')}件，予以公开${total(s, 'granted')}件。`];
    }),
  },
  {
    file: 'overview-differs.txt',
    shape: 'tabs',
    why: 'overview-figures fails: the overview states figures 表三 does not have',
    spec: with_(consistentSpec('overview-differs', '2021', 2022, 55), (s) => {
      s.overview = [`（二）依申请公开。本年度共收到政府信息公开申请${Number(total(s, 'newReceived')) + 100}件，予以公开${total(s, 'granted')}件。`];
    }),
  },
  {
    file: 'mixed-template.txt',
    shape: 'tabs',
    why: 'template-year-mismatch cannot be assessed: a 2021 表二 with one （六）其他处理 row in 表三 (template mixed, as real WPS reports print it)',
    spec: consistentSpec('mixed-template', '2021', 2022, 56),
    edit: (text) => {
      const lines = text.split('\n');
      const sub = lines.filter((l) => /逾期不补正|收费通知|^\t\t3\.其他/.test(l));
      const sums = [0, 1, 2, 3, 4, 5, 6].map((c) => sub.reduce((n, l) => n + Number(l.split('\t').slice(-7)[c]), 0));
      const at = lines.indexOf(sub[0]!);
      lines.splice(at, sub.length, ['', '（六）其他处理', ...sums].join('\t'));
      return lines.join('\n');
    },
  },
  { file: 'town-2021.txt', shape: 'tabs', why: 'cross-year rules pass (with town-2022)', spec: town21 },
  { file: 'town-2022.txt', shape: 'tabs', why: 'carries over 2021, 现行有效 follows on, new prose', spec: town22 },
  { file: 'village-2021.txt', shape: 'tabs', why: 'cross-year rules fail (with village-2022)', spec: village21 },
  { file: 'village-2022.txt', shape: 'tabs', why: '上年结转 differs from 2021, 现行有效 does not follow, the overview copied', spec: village22 },
  { file: 'county-2021.txt', shape: 'tabs', why: 'carry-over cannot be assessed (with county-2022): 结转下年度 自然人 is a placeholder', spec: county21 },
  { file: 'county-2022.txt', shape: 'tabs', why: 'in-force-continuity cannot be assessed: 行政规范性文件 现行有效 is a placeholder', spec: county22 },
];
