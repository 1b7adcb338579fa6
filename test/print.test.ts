import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRINT_FIXTURES } from '../scripts/synthetic/print-fixtures.js';
import { expectedTables } from '../scripts/synthetic/spec.js';
import type { Line } from '../src/extract/document.js';
import { parseFile } from '../src/index.js';
import { normalizeLines } from '../src/normalize/index.js';
import { oracle } from './oracle.js';

// Report pages of a government site printed to PDF by a browser (scripts/make-prints.ts): the
// site's menu, breadcrumb and footer, and the browser's header and footer, are not the report.
describe('browser prints of a site page', () => {
  it.each(PRINT_FIXTURES.map((f) => [f.file, f] as const))('%s: every cell, the title, agency, year and sections', async (file, f) => {
    const r = await parseFile(path.join('fixtures/print', file));
    expect(r.status).toBe('ok');
    expect(r.tables).toEqual(expectedTables(f.spec, oracle));
    expect(r.report).toMatchObject({ title: `${f.spec.agency}${f.spec.year}年政府信息公开工作年度报告`, agency: f.spec.agency, year: f.spec.year, template: f.spec.version });
    // A heading a script wrote above the title does not start the outline: the six, in order.
    expect(r.sections.map((s) => s.heading)).toEqual([
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
    const text = r.sections.map((s) => s.text).join('\n');
    expect(text).not.toMatch(/当前位置|网站标识码|ICP|file:\/\/|政府信息公开年报_/);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('page furniture is left out of every format', () => {
  const lines = (texts: string[]): Line[] => texts.map((text, i) => ({ no: i + 1, text }));
  it('breadcrumbs, a print header and footer, a site footer', () => {
    const kept = normalizeLines(
      lines([
        '当前位置：首页 > 政务公开 > 政府信息公开年报',
        '首⻚>政府信息公开>年度报告',
        '12/1/26, 12:03 PM 示例县自然资源局2022年政府信息公开工作年度报告_政府信息公开年报',
        '2026/12/1 12:03 示例县自然资源局2022年政府信息公开工作年度报告',
        'https://www.example.gov.cn/zwgk/ndbg/202301/t20230120_1.html 2/5',
        'file:///tmp/report.html',
        '主办单位：示例市人民政府办公室 网站标识码：3500000000 闽ICP备00000000号',
        '示例县自然资源局2022年政府信息公开工作年度报告',
        '（一）主动公开。2022年，本机关通过网站 https://www.example.gov.cn 主动公开政府信息122条。',
        '2022年1月，本机关修订了公开指南。',
        // Run-together text that opens with its breadcrumb is the whole report, not furniture.
        `当前位置：首页政务公开 示例县自然资源局2022年政府信息公开工作年度报告 ${'一、总体情况（一）主动公开。'.repeat(12)}`,
      ]),
    ).map((l) => l.text);
    expect(kept).toEqual([
      '示例县自然资源局2022年政府信息公开工作年度报告',
      '（一）主动公开。2022年，本机关通过网站 https://www.example.gov.cn 主动公开政府信息122条。',
      '2022年1月，本机关修订了公开指南。',
      `当前位置：首页政务公开 示例县自然资源局2022年政府信息公开工作年度报告 ${'一、总体情况（一）主动公开。'.repeat(12)}`,
    ]);
  });
});
