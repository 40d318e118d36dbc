// Contrast: body text 15.9:1, muted text 7.4:1, badges >= 4.5:1 (AA).
export const SHOP_CSS = `
:root { --fg: #1b1f24; --muted: #4a5260; --bg: #f6f7f9; --card: #fff; --line: #d5d9e0;
  --accent: #1f5fae; --err-fg: #8a1c1c; --err-bg: #fdecec; --ok-fg: #1d5a26; --ok-bg: #e7f4e8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.4rem; margin: 0; }
h2 { font-size: 1.1rem; margin: 0 0 .6rem; }
.sub { font-weight: 400; color: var(--muted); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: var(--card); padding: .3rem .6rem; z-index: 1; }
.top { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding: 1rem 1.5rem; background: var(--card); border-bottom: 1px solid var(--line); }
.served { margin: 0; display: flex; gap: .6rem; align-items: center; }
.badge { display: inline-block; min-width: 4.5rem; text-align: center; padding: .25rem .7rem; border-radius: 999px; color: #fff; font-weight: 700; background: var(--muted); }
.badge.none { background: #5f6773; font-weight: 400; }
.strip-wrap { padding: .8rem 1.5rem 0; }
.hint { font-weight: 400; font-size: .85rem; color: var(--muted); }
.strip { list-style: none; display: flex; flex-wrap: wrap; gap: 3px; margin: 0; padding: 0; min-height: 1.9rem; }
.strip li { width: 3.1rem; padding: .2rem 0; text-align: center; font-size: .75rem; font-weight: 700; color: #fff; border-radius: 4px; background: #5f6773; }
.strip li.fail { outline: 2px solid var(--err-fg); outline-offset: -2px; background: var(--err-bg); color: var(--err-fg); }
.messages { margin: .8rem 1.5rem 0; min-height: 1.5rem; }
.messages p { margin: 0; padding: .5rem .8rem; border-radius: 6px; }
.messages .error { color: var(--err-fg); background: var(--err-bg); border-left: 4px solid var(--err-fg); }
.messages .info { color: var(--ok-fg); background: var(--ok-bg); border-left: 4px solid var(--ok-fg); }
.grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.35fr); gap: 1.5rem; padding: 1rem 1.5rem; }
@media (max-width: 52rem) { .grid { grid-template-columns: minmax(0, 1fr); } }
#cart { overflow-x: auto; }
section { min-width: 0; }
main > section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
.catalog { list-style: none; margin: 0; padding: 0; }
.catalog li { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; padding: .5rem 0; border-bottom: 1px solid var(--line); }
.catalog li:last-child { border-bottom: 0; }
.catalog .name { flex: 1 1 9rem; font-weight: 600; }
.catalog .price { color: var(--muted); min-width: 4.5rem; }
.muted { color: var(--muted); }
input[type=number] { width: 3.6rem; font: inherit; padding: .2rem .3rem; border: 1px solid #7a828e; border-radius: 4px; }
button { font: inherit; padding: .3rem .8rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: var(--card); color: var(--accent); }
button.icon { padding: .1rem .55rem; min-width: 2rem; }
button:hover { filter: brightness(1.1); }
:focus-visible { outline: 3px solid #c25e00; outline-offset: 2px; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .4rem .25rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
td.num, th.num { text-align: right; white-space: nowrap; }
tfoot td { font-weight: 700; border-bottom: 0; }
.qty { display: inline-flex; gap: .25rem; align-items: center; }
.actions { display: flex; gap: .6rem; margin-top: 1rem; }
.foot { padding: 0 1.5rem 1.5rem; color: var(--muted); font-size: .9rem; }
.live { margin: 0 1.5rem; font-size: .9rem; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
