/** The page's styles: system fonts only (no font is fetched), print-friendly, one file. */
export const PAGE_STYLE = `
:root{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:14px;color:#1b1f24;background:#fff}
body{margin:0 auto;max-width:1400px;padding:0 16px 48px}
h1{font-size:20px;margin:16px 0 4px}h2{font-size:17px;margin:28px 0 8px}h3{font-size:15px;margin:12px 0 4px}h4{font-size:14px;margin:14px 0 4px}
.totals{margin:0 0 12px;color:#444}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:8px 10px;background:#f4f6f8;border:1px solid #d8dde3;border-radius:6px;position:sticky;top:0;z-index:2}
.filters label{display:flex;gap:4px;align-items:center}.count{margin-left:auto}
table{border-collapse:collapse}
.sum{width:100%;margin-top:10px}.sum th{cursor:pointer;user-select:none;background:#eef1f4;position:sticky;top:46px}
.sum th[data-dir=asc]::after{content:" ▲"}.sum th[data-dir=desc]::after{content:" ▼"}
.sum td,.sum th{border:1px solid #d8dde3;padding:3px 6px;text-align:left;white-space:nowrap}
.v{padding:0 6px;border-radius:3px;white-space:nowrap}
.v.passed{background:#dcf5e3;color:#135c2b}.v.failed{background:#fde2e1;color:#8a1c14}.v.not-assessable{background:#fff3cd;color:#6b4e00}.v.unreadable{background:#e8e8e8;color:#333}
.st.partial{color:#8a5a00}.st.failed{color:#8a1c14}
.rep{border:1px solid #d8dde3;border-radius:6px;margin:8px 0;padding:4px 10px;scroll-margin-top:90px}
.defs dd{margin:0 0 6px 16px;color:#444;font-size:12.5px}
.rep>summary{cursor:pointer;padding:4px 0}.path{color:#667;font-size:12px}
.meta{color:#444;margin:4px 0}.fail{color:#8a1c14}.missing{color:#8a1c14;font-style:italic}
.t{margin:10px 0;font-size:12.5px}.t caption{text-align:left;font-weight:600;padding:4px 0}
.t th,.t td{border:1px solid #9aa4ae;padding:2px 5px}.t th{background:#f4f6f8;font-weight:normal;text-align:left}
.t .h th{text-align:center;font-weight:600}.t th.vt{writing-mode:vertical-rl;background:#f4f6f8;color:inherit}
.t td{text-align:right;min-width:2.2em;font-variant-numeric:tabular-nums}
td.f{background:#fde2e1;outline:2px solid #c0392b;outline-offset:-2px}
td .x{display:block;font-size:11px;color:#8a1c14;white-space:nowrap}
td.n{background:repeating-linear-gradient(135deg,#fff,#fff 4px,#eef0f2 4px,#eef0f2 8px)}
td .r{color:#667;font-size:11px}
td.s{box-shadow:inset 0 -3px 0 #2f6fdd}td.o{box-shadow:inset 3px 0 0 #9b59b6}td.s.o{box-shadow:inset 0 -3px 0 #2f6fdd,inset 3px 0 0 #9b59b6}
.legend{font-size:12px;color:#444}.legend span{display:inline-block;padding:1px 6px;margin-right:6px;border:1px solid #ccd}
.legend .f{background:#fde2e1}.legend .s{box-shadow:inset 0 -3px 0 #2f6fdd}.legend .o{box-shadow:inset 3px 0 0 #9b59b6}.legend .n{background:repeating-linear-gradient(135deg,#fff,#fff 4px,#eef0f2 4px,#eef0f2 8px)}
.ind td,.ind th{border:1px solid #d8dde3;padding:2px 6px;font-size:12.5px}.num{text-align:right;font-variant-numeric:tabular-nums}
.fl{margin:4px 0;padding-left:20px}.fl li{margin:2px 0}.fl .error b{color:#8a1c14}.fl .warning b{color:#8a5a00}.fl .info b{color:#667}.w{color:#667;font-size:12px}
.agency{display:inline-block;vertical-align:top;margin:0 24px 16px 0;max-width:420px}
.chart .b{fill:#7fa7e6}.chart .l{fill:none;stroke:#c0392b;stroke-width:2}.chart .d{fill:#c0392b}.chart .ax{stroke:#999}
.chart text{font-size:10px;fill:#444}.chart .rl{fill:#c0392b}.chart .yl,.chart .bl{text-anchor:middle}
.leg{font-size:12px;margin:0}.leg .lb,.leg .ll{display:inline-block;width:12px;height:8px;margin:0 3px 0 8px}.leg .lb{background:#7fa7e6}.leg .ll{border-top:2px solid #c0392b;height:0}
@media print{.filters{display:none}.rep{break-inside:avoid}}
`;
