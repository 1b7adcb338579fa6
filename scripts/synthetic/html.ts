import { ACTIVE_DISCLOSURE, APPLICATION_GROUPS, APPLICATION_ROWS, REVIEW_GROUPS } from '../../src/schema/template.js';
import type { Spec } from './spec.js';

export interface HtmlOptions {
  /** Draw no borders at all: the PDF reader must fall back to text alignment. */
  borderless?: boolean;
  /** Paragraphs of filler before 表三 so that it breaks across a page. */
  fillerBefore3?: number;
  /** Replace characters by the Kangxi radicals some PDF fonts map them to. */
  kangxi?: boolean;
  /** A government site around the report: navigation, scripts, footer, title outside the body. */
  chrome?: boolean;
  /** Digits of every value split over <span> and <font> fragments, as Word-pasted pages have them. */
  splitDigits?: boolean;
  /** The report inside a layout table (navigation column beside it). */
  layoutTable?: boolean;
  /** Each 表二 block as a table of its own. */
  separateBlocks?: boolean;
  /** Declared charset (the bytes are written in it by the generator). */
  charset?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** A value cell's markup: `&nbsp;` for a blank, digits split over fragments when asked. */
const valueHtml = (v: string, split?: boolean) =>
  v === '' ? '&nbsp;' : split ? [...esc(v)].map((c, i) => (i % 2 ? `<font face="宋体">${c}</font>` : `<span style="font-size:9pt">${c}</span>`)).join('') : esc(v);
/** Characters and the Kangxi radicals (and one compatibility ideograph) that look the same. */
const KANGXI: Record<string, string> = { 一: '\u2F00', 人: '\u2F08', 入: '\u2F0A', 力: '\u2F12', 日: '\u2F47', 行: '\u2F8F', 方: '\u2F45', 文: '\u2F42', 工: '\u2F2F', 大: '\u2F24', 零: '\uF9B2' };

/** The report as a web page with the template's real table structure (rowspan / colspan). */
export function renderHtml(spec: Spec, options: HtmlOptions = {}): string {
  const border = options.borderless ? 'border:none' : 'border:0.75pt solid #000';
  // LibreOffice's HTML import draws table rules from the border attribute, not from CSS.
  const table = (cls = '') => `<table${cls ? ` class="${cls}"` : ''} ${options.borderless ? 'border="0"' : 'border="1"'} cellspacing="0" cellpadding="3" width="100%">`;
  const tableTag = () => table();
  const t2 = ACTIVE_DISCLOSURE[spec.version]
    .map((block) => {
      const n = block.columns.length;
      const head = `<tr><td colspan="4" class="c">第二十条第（${block.item}）项</td></tr>`;
      const hdr = `<tr><td class="c">信息内容</td>${block.columns.map((c) => `<td class="c" colspan="${n === 1 ? 3 : 1}">${esc(c.label)}</td>`).join('')}${n === 2 ? '<td></td>' : ''}</tr>`;
      const rows = block.rows
        .map((r) => `<tr><td>${esc(r.label)}</td>${block.columns.map((c) => `<td class="c" colspan="${n === 1 ? 3 : 1}">${valueHtml(spec.t2[r.key]![c.key]!, options.splitDigits)}</td>`).join('')}${n === 2 ? '<td></td>' : ''}</tr>`)
        .join('');
      return options.separateBlocks ? `${tableTag()}${head + hdr + rows}</table>\n` : head + hdr + rows;
    })
    .join('');

  const rows = APPLICATION_ROWS[spec.version];
  const outcomeRows = rows.filter((r) => r.outcome);
  const t3Body = rows
    .map((r) => {
      const values = spec.t3[r.key]!.map((v) => `<td class="c">${valueHtml(v, options.splitDigits)}</td>`).join('');
      if (!r.outcome && r.key !== 'total') return `<tr><td colspan="3">${esc(r.label)}</td>${values}</tr>`;
      const first = r === outcomeRows[0] ? `<td rowspan="${outcomeRows.length + 1}" class="v">三、本年度办理结果</td>` : '';
      if (r.key === 'total') return `<tr><td colspan="2">${esc(r.label)}</td>${values}</tr>`;
      if (!r.group) return `<tr>${first}<td colspan="2">${esc(r.label)}</td>${values}</tr>`;
      const size = rows.filter((x) => x.group === r.group).length;
      const group = r.n === 1 ? `<td rowspan="${size}">${esc(APPLICATION_GROUPS.find((g) => g.group === r.group)!.label)}</td>` : '';
      return `<tr>${first}${group}<td>${esc(r.label)}</td>${values}</tr>`;
    })
    .join('\n');
  const t3Head = `<thead><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7" class="c">申请人情况</td></tr>
<tr><td rowspan="2" class="c">自然人</td><td colspan="5" class="c">法人或其他组织</td><td rowspan="2" class="c">总计</td></tr>
<tr><td class="c">商业企业</td><td class="c">科研机构</td><td class="c">社会公益组织</td><td class="c">法律服务机构</td><td class="c">其他</td></tr></thead>`;
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const t4 = `<tr><td colspan="5" class="c">行政复议</td><td colspan="10" class="c">行政诉讼</td></tr>
<tr>${heads.map((h) => `<td rowspan="2" class="c">${h}</td>`).join('')}<td colspan="5" class="c">未经复议直接起诉</td><td colspan="5" class="c">复议后起诉</td></tr>
<tr>${[...heads, ...heads].map((h) => `<td class="c">${h}</td>`).join('')}</tr>
<tr>${REVIEW_GROUPS.flatMap((g) => spec.t4[g.key]!).map((v) => `<td class="c">${valueHtml(v, options.splitDigits)}</td>`).join('')}</tr>`;

  const filler = Array.from({ length: options.fillerBefore3 ?? 0 }, (_, i) => `<p>（${i + 1}）本机关持续规范政府信息公开工作，按照有关要求及时更新公开内容，做好政策解读和回应关切工作。</p>`).join('\n');
  const title = `${esc(spec.agency)}${spec.year}年政府信息公开工作年度报告`;
  const body = `${options.chrome ? '' : `<p class="title">${esc(spec.agency)}</p>
<p class="title">${spec.year}年政府信息公开工作年度报告</p>`}
<p>本报告依据《中华人民共和国政府信息公开条例》编制。</p>
<h2>一、总体情况</h2>
<p>（一）主动公开。${spec.year}年，本机关主动公开政府信息${spec.year - 1900}条。</p>
<p>（二）依申请公开。严格依法办理政府信息公开申请。</p>
<h2>二、主动公开政府信息情况</h2>
${options.separateBlocks ? t2 : `${table()}${t2}</table>`}
${filler}
<h2>三、收到和处理政府信息公开申请情况</h2>
${table('t3')}${t3Head}<tbody>
${t3Body}
</tbody></table>
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
${table('t4')}${t4}</table>
<h2>五、存在的主要问题及改进情况</h2>
<p>政策解读形式还不够丰富，下一步将加强培训。</p>
<h2>六、其他需要报告的事项</h2>
<p>本年度未收取信息处理费。</p>`;
  const report = options.kangxi ? body.replace(/[一人入力日行方文工大零]/g, (c) => KANGXI[c] ?? c) : body;
  const nav = '<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/ndbg">政府信息公开年报</a> <a href="/hd">互动交流</a> 一、机构概况 二、主动公开目录</div>';
  const framed = options.layoutTable
    ? `<table width="100%" border="0"><tr><td width="20%">${nav}<table><tr><td>相关链接</td></tr><tr><td>2020年政府信息公开工作年度报告</td></tr></table></td><td>${report}</td></tr></table>`
    : report;
  const text = options.chrome
    ? `${nav}<script>var year = "二、主动公开政府信息情况"; document.write('<p>' + year + '</p>');</script>
<div class="location">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<h1 class="article-title">${title}</h1><div class="info">来源：本机关 时间：${spec.year + 1}-01-20 字号：大 中 小</div>
<div class="article-content TRS_Editor">${framed}</div>
<div class="footer">主办单位：示例市人民政府办公室 网站标识码：3500000000 闽ICP备00000000号 <a href="/sitemap">网站地图</a> 联系我们</div>
<script src="/js/stat.js"></script>`
    : framed;
  return `<!DOCTYPE html>
<html><head><meta charset="${options.charset ?? 'utf-8'}"><title>${title}${options.chrome ? '_政府信息公开年报_示例市人民政府' : ''}</title>
<style>
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; }
h2 { font-size: 13pt; }
.title { text-align: center; font-size: 15pt; }
table { border-collapse: collapse; width: 100%; }
td { ${border}; font-size: 9pt; padding: 2pt; }
td.c { text-align: center; }
table.t3 td:first-child { width: 14pt; }
</style></head>
<body>
${text}
</body></html>
`;
}
