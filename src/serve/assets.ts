/**
 * The dashboard's only stylesheet and script, served from this server (/static/…) because the CSP
 * allows nothing inline and nothing from elsewhere. Kept as strings in the code so the bundled CLI
 * needs no asset files beside it. The script only adds comfort (auto-submit of pickers, Ctrl+Enter
 * on the SQL box); every page works without it.
 */
export const APP_CSS = `
:root { --ink:#1d2733; --muted:#5b6876; --line:#d5dce3; --bg:#f6f8fa; --accent:#0b5cad; --me:#fff3bf;
  --up:#1a7f37; --down:#c62828; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.45; font-size: 16px; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, main:focus-visible {
  outline: 3px solid #f0a000; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; padding: .5rem 1rem;
  background: #0b3d6e; color: #fff; }
header.top a { color: #fff; }
.brand { font-weight: 700; text-decoration: none; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem .9rem; list-style: none; margin: 0; padding: 0; }
nav a { text-decoration: none; padding: .2rem 0; display: inline-block; }
nav a[aria-current="page"] { border-bottom: 3px solid #ffd54f; }
form.logout { margin-left: auto; }
main { padding: .75rem 1rem 2rem; max-width: 1200px; margin: 0 auto; }
footer { color: var(--muted); font-size: .85rem; padding: 1rem; border-top: 1px solid var(--line); }
h1 { font-size: 1.45rem; margin: .5rem 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.lead { color: var(--muted); margin: 0 0 .75rem; }
.note { color: var(--muted); font-size: .9rem; }
.error-box { border-left: 4px solid var(--down); background: #fdecea; padding: .6rem .9rem; }
.ok-box { border-left: 4px solid var(--up); background: #e8f5e9; padding: .6rem .9rem; }
.table-wrap { overflow-x: auto; max-width: 100%; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { padding: .35rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.me td { background: var(--me); font-weight: 600; }
th a { color: inherit; }
th a[aria-current="true"] { text-decoration-thickness: 3px; }
.chg.up { color: var(--up); } .chg.down { color: var(--down); } .chg.same { color: var(--muted); }
.band { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .85rem; white-space: nowrap; }
.band-0 { background: #1b5e20; color: #fff; } .band-1 { background: #66bb6a; color: #10300f; }
.band-2 { background: #fff176; color: #3d3500; } .band-3 { background: #ffb74d; color: #3e2200; }
.band-4 { background: #e57373; color: #3b0000; } .band-none { background: #eceff1; color: #37474f; }
.est { font-size: .75rem; background: #ede7f6; color: #4527a0; padding: 0 .3rem; border-radius: 3px; }
form.picker, form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .5rem 0 1rem; }
label { display: flex; flex-direction: column; font-size: .9rem; gap: .15rem; max-width: 100%; }
form.picker label { flex: 0 1 32rem; min-width: 0; }
form.picker select { width: 100%; }
input, select, textarea, button { font: inherit; }
input, select, textarea { border: 1px solid #9aa7b4; border-radius: 4px; padding: .3rem .4rem; max-width: 100%; }
button, .button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .4rem .9rem;
  cursor: pointer; text-decoration: none; display: inline-block; }
header.top button { background: #fff; color: #0b3d6e; }
textarea { width: 100%; min-height: 7rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: .6rem; margin: .5rem 0 1rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.card b { display: block; font-size: 1.4rem; }
.downloads { display: flex; flex-wrap: wrap; gap: .5rem 1rem; padding: 0; list-style: none; }
.chart svg, svg.chart { width: 100%; height: auto; max-width: 720px; display: block; }
.whatif-row { display: flex; flex-wrap: wrap; gap: .5rem; }
ul.plain { padding-left: 1.1rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88rem; }
pre { white-space: pre-wrap; background: var(--bg); padding: .5rem; }
@media (max-width: 600px) {
  main { padding: .5rem .6rem 1.5rem; }
  th, td { padding: .3rem .35rem; }
  .hide-narrow { display: none; }
}
@page { size: A4; margin: 12mm; }
@media print {
  header.top, footer, form, .skip, .downloads, .no-print { display: none !important; }
  main { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; border: 0; }
  body { font-size: 10.5pt; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`

export const APP_JS = `
'use strict';
document.addEventListener('change', function (e) {
  var el = e.target;
  if (el && el.matches && el.matches('select[data-autosubmit]') && el.form) el.form.submit();
});
document.addEventListener('keydown', function (e) {
  var el = e.target;
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && el && el.tagName === 'TEXTAREA' && el.form) el.form.submit();
});
`
