import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

// The audit page in a real browser: Debian's chromium, driven by playwright-core (.ci/run
// installs it). The page is made by the CLI from our fixtures and from a report written to
// attack it.

const CHROMIUM = '/usr/bin/chromium';
const dir = mkdtempSync(path.join(tmpdir(), 'gov-report-audit-'));

// Reports whose agency, file names and a cell carry markup and script.
const hostile = path.join(dir, 'hostile');
const AGENCY = '<script>window.__p=1</script>局';
const CELL = '<i onmouseover=window.__p=3>6</i>';
const NAMES = ['<img src=x onerror=window.__p=2>.txt', 'x"><svg onload=window.__p=4>.txt'];
const base = readFileSync('fixtures/synthetic/2021-tabs.txt', 'utf8');
mkdirSync(hostile, { recursive: true });
const attack = base.replace(/^示例县自然资源局\n/, `${AGENCY}\n`).replace(/^(三、本年度办理结果\t（一）予以公开(?:\t\d+){6})\t\d+/m, `$1\t${CELL}`);
for (const name of NAMES) writeFileSync(path.join(hostile, name), attack);

async function page(args: string[]): Promise<string> {
  const out = path.join(dir, `audit-${args.join('-').replace(/[^\w]/g, '_')}.html`);
  const r = await cli('check', ...args, '-f', 'html', '-o', out, '--no-ocr');
  expect(r.stderr).not.toContain('internal');
  return out;
}

const present = existsSync(CHROMIUM);
if (!present) console.warn(`skipped "audit page in a browser": ${CHROMIUM} not present (.ci/run installs the chromium package)`);

describe.skipIf(!present)('audit page in a browser', () => {
  let browser: Browser;
  let fixtures: string;
  let view: Page;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
    fixtures = await page(['fixtures']);
    view = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    await view.goto(`file://${fixtures}`);
  }, 120_000);
  afterAll(async () => browser?.close());

  it('is one file that asks for nothing outside it, and allows no script but its own', async () => {
    const text = readFileSync(fixtures, 'utf8');
    expect(/\b(?:src|href)=["']?(?:https?:)?\/\//.test(text)).toBe(false);
    expect(/@import|url\(/.test(text)).toBe(false);
    const csp = await view.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    expect(csp).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-[A-Za-z0-9+/]+=*'$/);
  });

  it('renders the fixtures: a summary row and a report for each file', async () => {
    const rows = await view.locator('#summary tbody tr').count();
    const reports = await view.locator('details.rep').count();
    const files = (await cli('parse', 'fixtures', '-q', '-f', 'ndjson', '--no-ocr')).stdout.trim().split('\n').length;
    expect([rows, reports]).toEqual([files, files]);
    expect(await view.locator('#shown').textContent()).toBe(String(files));
  });

  it('marks the failing cells of checks-failing.txt with expected and actual', async () => {
    const id = await view.locator('#summary tbody tr', { hasText: 'checks-failing.txt' }).getAttribute('data-report');
    await view.locator(`#${id} > summary`).click();
    const cell = (table: string, key: string) => view.locator(`#${id} table[data-table=${table}] td[data-cell="${key}"]`);
    const marked = async (table: string, key: string) => ({
      class: await cell(table, key).getAttribute('class'),
      marks: await cell(table, key).locator('.x').allTextContents(),
    });
    // fixtures/synthetic/checks-failing.txt: the errors its golden lists.
    expect(await marked('applications', 'partiallyGranted.total')).toEqual({ class: 'f', marks: ['应为 36 · 实为 37'] });
    expect(await marked('applications', 'total.naturalPerson')).toEqual({ class: 'f', marks: ['应为 333 · 实为 335'] });
    expect(await marked('applications', 'total.total')).toEqual({ class: 'f', marks: ['应为 869 · 实为 871', '应为 858 · 实为 857'] });
    expect(await marked('reviewLitigation', 'review.total')).toEqual({ class: 'f', marks: ['应为 8 · 实为 9'] });
    // A cell no rule names is a plain number.
    expect(await cell('applications', 'granted.total').getAttribute('class')).toBeNull();
    expect(await view.locator(`#${id} table.t td.f`).count()).toBe(4);
  });

  it('shows null cells empty with the reason, and split cells as split', async () => {
    const id = await view.locator('#summary tbody tr', { hasText: 'shapes/2021-runon-blanks.txt' }).getAttribute('data-report');
    await view.locator(`#${id} > summary`).click();
    const blank = view.locator(`#${id} table[data-table=activeDisclosure] td[data-cell="coercion.decisions"]`);
    expect(await blank.getAttribute('class')).toBe('n');
    expect(await blank.textContent()).toBe('空白');
    const ambiguous = view.locator(`#${id} table[data-table=activeDisclosure] td[data-cell="regulations.issued"]`);
    expect(await ambiguous.textContent()).toBe('拆分不唯一 “235730102”');
    const split = view.locator(`#${id} table[data-table=activeDisclosure] td[data-cell="licensing.decisions"]`);
    expect([await split.getAttribute('class'), await split.textContent()]).toEqual(['s', '24']);
  });

  it('filters by rule, severity, agency and year, and sorts by a column', async () => {
    const shown = async () => Number(await view.locator('#shown').textContent());
    const visible = () => view.locator('#summary tbody tr:not([hidden])');
    const all = await shown();
    await view.selectOption('[data-filter=rule]', 'review-litigation-total');
    const failing = await visible().allTextContents();
    expect(failing.length).toBe(await shown());
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.length).toBeLessThan(all);
    for (const text of failing) expect(text).toContain('review-litigation-total');
    // A report hidden from the summary is hidden below too.
    const hiddenReports = await view.locator('details.rep[hidden]').count();
    expect(hiddenReports).toBe(all - failing.length);
    await view.selectOption('[data-filter=rule]', '');
    await view.selectOption('[data-filter=severity]', 'warning');
    expect(await shown()).toBeLessThan(all);
    await view.selectOption('[data-filter=severity]', '');
    await view.selectOption('[data-filter=agency]', '示例镇人民政府');
    expect(await visible().locator('td:nth-child(2)').allTextContents()).toEqual(['示例镇人民政府', '示例镇人民政府']);
    await view.selectOption('[data-filter=year]', '2022');
    expect(await visible().locator('td:nth-child(1)').allTextContents()).toEqual(['fixtures/checks/town-2022.txt']);
    await view.selectOption('[data-filter=agency]', '');
    await view.selectOption('[data-filter=year]', '');
    expect(await shown()).toBe(all);
    await view.locator('#summary th', { hasText: '错误' }).click();
    await view.locator('#summary th', { hasText: '错误' }).click();
    const errors = (await view.locator('#summary tbody tr td:nth-child(7)').allTextContents()).map(Number);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
  });

  it('across years: the pairs and a chart per agency with two or more years', async () => {
    const town = view.locator('.agency', { hasText: '示例镇人民政府' });
    expect(await town.locator('svg.chart rect.b').count()).toBe(2);
    expect(await town.locator('svg.chart rect.b title').allTextContents()).toEqual([expect.stringMatching(/^2021 本年新收 \d+$/), expect.stringMatching(/^2022 本年新收 \d+$/)]);
    expect(await town.locator('svg.chart circle.d').count()).toBe(2);
    expect(await town.textContent()).toContain('2021 → 2022');
  });

  it('a screenshot is the size asked and not blank', async () => {
    const shot = PNG.sync.read(await view.screenshot());
    expect([shot.width, shot.height]).toEqual([1300, 900]);
    let ink = 0;
    for (let i = 0; i < shot.data.length; i += 4) if (shot.data[i]! < 200 || shot.data[i + 1]! < 200 || shot.data[i + 2]! < 200) ink++;
    // Text, rules and badges: more than 2 % of the pixels, far from all of them.
    expect(ink / (shot.width * shot.height)).toBeGreaterThan(0.02);
    expect(ink / (shot.width * shot.height)).toBeLessThan(0.6);
  });

  it('shows injected markup as text and runs none of it', async () => {
    const file = await page([hostile]);
    const text = readFileSync(file, 'utf8');
    for (const bad of ['<script>window', '<img src', '<svg onload', '<i onmouseover']) expect(text.includes(bad), bad).toBe(false);
    const p = await browser.newPage();
    const dialogs: string[] = [];
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await p.goto(`file://${file}`);
    for (const s of await p.locator('details.rep > summary').all()) await s.click();
    await p.locator('td[data-cell="granted.total"]').first().hover();
    expect(await p.evaluate(() => (window as unknown as { __p?: number }).__p)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The text is there, as text: file names, the agency in the summary and the headings, the cell's raw text.
    expect(await p.locator('#summary tbody td:nth-child(1)').allTextContents()).toEqual(NAMES.map((n) => path.join(hostile, n)).sort());
    expect(await p.locator('#summary tbody td:nth-child(2)').allTextContents()).toEqual([AGENCY, AGENCY]);
    expect(await p.locator('details.rep > summary b').allTextContents()).toEqual([AGENCY, AGENCY]);
    expect(await p.locator('td[data-cell="granted.total"]').first().textContent()).toBe(`无法读取 “${CELL}”`);
    expect(await p.locator('body img, body svg[onload], body i[onmouseover], body script:not([type="application/json"])').count()).toBe(1);
    await p.close();
  });
});
