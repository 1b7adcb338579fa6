import { html, type Html } from './escape.js';

export interface YearPoint {
  year: number;
  /** 表三 本年新收 总计. */
  received: number | null;
  /** 实质公开率 (over 办结), 0–1. */
  rate: number | null;
}

const W = 360;
const H = 170;
const PAD = { left: 40, right: 40, top: 16, bottom: 28 };

/**
 * 本年新收 as bars (left axis) and 实质公开率 as a line (right axis, 0–100 %), by year. Only
 * numbers and the years reach the SVG; a year without a value has no bar or point.
 */
export function yearChart(points: readonly YearPoint[]): Html {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const max = Math.max(1, ...sorted.map((p) => p.received ?? 0));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / sorted.length;
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const yCount = (v: number) => PAD.top + plotH * (1 - v / max);
  const yRate = (v: number) => PAD.top + plotH * (1 - v);
  const bars = sorted.map((p, i) =>
    p.received === null
      ? ''
      : html`<rect class=b x="${(x(i) - step * 0.3).toFixed(1)}" y="${yCount(p.received).toFixed(1)}" width="${(step * 0.6).toFixed(1)}" height="${(PAD.top + plotH - yCount(p.received)).toFixed(1)}"><title>${p.year} 本年新收 ${p.received}</title></rect><text x="${x(i).toFixed(1)}" y="${(PAD.top + plotH - 3).toFixed(1)}" class=bl>${p.received}</text>`,
  );
  const rated = sorted.map((p, i) => ({ ...p, i })).filter((p) => p.rate !== null);
  const line = rated.map((p) => `${x(p.i).toFixed(1)},${yRate(p.rate!).toFixed(1)}`).join(' ');
  const dots = rated.map(
    (p) =>
      html`<circle class=d cx="${x(p.i).toFixed(1)}" cy="${yRate(p.rate!).toFixed(1)}" r=3><title>${p.year} 实质公开率 ${(p.rate! * 100).toFixed(1)}%</title></circle><text class=rl x="${(x(p.i) + 5).toFixed(1)}" y="${(yRate(p.rate!) - 4).toFixed(1)}">${(p.rate! * 100).toFixed(1)}%</text>`,
  );
  const years = sorted.map((p, i) => html`<text x="${x(i).toFixed(1)}" y="${H - 10}" class=yl>${p.year}</text>`);
  return html`<svg class=chart viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="本年新收 and 实质公开率 by year">
<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}" class=ax />
<text x=4 y=${PAD.top + 4} class=al>${max}</text><text x=4 y=${PAD.top + plotH} class=al>0</text>
<text x="${W - PAD.right + 4}" y=${PAD.top + 4} class=al>100%</text><text x="${W - PAD.right + 4}" y=${PAD.top + plotH} class=al>0%</text>
${bars}${rated.length > 1 ? html`<polyline class=l points="${line}" />` : ''}${dots}${years}
</svg>`;
}
