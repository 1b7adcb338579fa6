/**
 * The page's one script: sorting the summary by a column, filtering the reports, opening a
 * report reached by its link. It reads the page's own data attributes (escaped text) and never
 * evaluates anything. Its hash is the only script the page's Content-Security-Policy allows.
 */
export const PAGE_SCRIPT = `(() => {
  const all = (s, el = document) => [...el.querySelectorAll(s)];
  const table = document.getElementById('summary');
  const body = table.tBodies[0];
  for (const th of all('th[data-sort]', table)) {
    th.addEventListener('click', () => {
      const col = th.cellIndex;
      const dir = th.dataset.dir === 'asc' ? 'desc' : 'asc';
      for (const t of all('th', table)) delete t.dataset.dir;
      th.dataset.dir = dir;
      const key = (r) => { const c = r.cells[col]; return c.dataset.v ?? c.textContent; };
      const rows = [...body.rows].sort((a, b) => {
        const x = key(a), y = key(b), nx = Number(x), ny = Number(y);
        const cmp = x !== '' && y !== '' && !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : String(x).localeCompare(String(y), 'zh');
        return dir === 'asc' ? cmp : -cmp;
      });
      body.append(...rows);
    });
  }
  const filters = all('[data-filter]');
  const apply = () => {
    const f = Object.fromEntries(filters.map((el) => [el.dataset.filter, el.value.trim().toLowerCase()]));
    const has = (list, v) => !v || list.split(' ').includes(v);
    let shown = 0;
    for (const el of all('[data-report]')) {
      const d = el.dataset;
      const ok = has(d.rules, f.rule) && has(d.sev, f.severity) && (!f.agency || d.agency.toLowerCase() === f.agency) &&
        (!f.year || d.year === f.year) && (!f.verdict || d.verdict === f.verdict) && (!f.q || d.search.includes(f.q));
      el.hidden = !ok;
      document.getElementById(d.report).hidden = !ok;
      if (ok) shown++;
    }
    document.getElementById('shown').textContent = String(shown);
  };
  for (const el of filters) el.addEventListener('input', apply);
  const open = () => {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS') { target.open = true; target.scrollIntoView(); }
  };
  addEventListener('hashchange', open);
  // Tables are drawn when a report is first opened, from its data and the layouts, by textContent only.
  const { layouts, names } = JSON.parse(document.getElementById('layouts').textContent);
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const draw = (details) => {
    const box = details.querySelector('.tables');
    if (!box || box.dataset.drawn) return;
    box.dataset.drawn = '1';
    const data = JSON.parse(details.querySelector('script.cells').textContent);
    for (const [key, t] of Object.entries(data)) {
      if (!t) { box.append(el('p', 'missing', names[key] + ': 未找到 (table not found)')); continue; }
      const layout = layouts[t.layout];
      const table = el('table', 't');
      table.dataset.table = key;
      table.append(el('caption', '', layout.caption));
      for (const row of layout.rows) {
        const tr = el('tr', row.some((c) => c.h) ? 'h' : '');
        for (const c of row) {
          let cell;
          if (c.k === undefined) {
            cell = el('th', c.s || '', c.t);
          } else {
            const v = t.values[c.k], n = t.notes[c.k];
            cell = el('td', n ? n.c : '', v === null ? '' : String(v));
            const [row, column] = layout.cells[c.k];
            cell.dataset.cell = row + '.' + column;
            if (n) {
              cell.title = n.title;
              if (n.m) cell.append(el('span', 'r', n.m));
              for (const x of n.x || []) cell.append(el('span', 'x', x));
            }
          }
          if (c.c) cell.colSpan = c.c;
          if (c.r) cell.rowSpan = c.r;
          tr.append(cell);
        }
        table.append(tr);
      }
      box.append(table);
    }
  };
  for (const d of all('details.rep')) d.addEventListener('toggle', () => d.open && draw(d));
  open();
})();`;
