// Contrast: text on white 15.9:1, muted 7.4:1, replica colours >= 4.5:1 with
// white, lost tiles 6.5:1. Colour is never the only signal: every tile and
// card also says its replica and state in words.
import { TIMELINE_CSS } from '../../report/timeline-svg';

export const DASHBOARD_CSS = `
:root { --fg: #1b1f24; --muted: #4a5260; --bg: #f6f7f9; --card: #fff; --line: #d5d9e0; --accent: #1f5fae;
  --lost: #b3261e; --err-fg: #8a1c1c; --err-bg: #fdecec; --ok-fg: #1d5a26; --ok-bg: #e7f4e8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.35rem; margin: 0; }
h2 { font-size: 1.1rem; margin: 0; }
h3 { font-size: 1rem; margin: 0 0 .5rem; }
.sub { font-weight: 400; color: var(--muted); }
.top { display: flex; flex-wrap: wrap; gap: .8rem 2rem; align-items: center; justify-content: space-between; padding: .9rem 1.5rem; background: var(--card); border-bottom: 1px solid var(--line); }
.facts, .counters { display: flex; flex-wrap: wrap; gap: .4rem 1.6rem; margin: 0; }
.facts dt, .counters dt { font-size: .8rem; color: var(--muted); }
.facts dd, .counters dd { margin: 0; font-weight: 700; }
.counters dd { font-size: 1.5rem; }
.counters dd.bad { color: var(--lost); }
.explain { margin: .9rem 1.5rem 0; max-width: 70rem; padding: .6rem .9rem; background: #eef3fb; border-left: 4px solid var(--accent); border-radius: 4px; }
.messages { margin: .6rem 1.5rem 0; min-height: 1.4rem; }
.messages p { margin: 0; padding: .45rem .8rem; border-radius: 6px; }
.messages .error { color: var(--err-fg); background: var(--err-bg); border-left: 4px solid var(--err-fg); }
.messages .info { color: var(--ok-fg); background: var(--ok-bg); border-left: 4px solid var(--ok-fg); }
main { padding: .6rem 1.5rem 1rem; display: grid; gap: 1.2rem; }
main > section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
.bar { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: center; margin-bottom: .8rem; }
.bar h2 { margin-right: auto; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(15.5rem, 1fr)); gap: .8rem; }
.card { border: 1px solid var(--line); border-top: 6px solid var(--c, #5f6773); border-radius: 6px; padding: .7rem .8rem; }
.card.down { opacity: .92; background: repeating-linear-gradient(135deg, #fff, #fff 10px, #f1f2f4 10px, #f1f2f4 20px); }
.card h3 { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.swatch { width: .9rem; height: .9rem; border-radius: 50%; background: var(--c, #5f6773); display: inline-block; }
.state { font-size: .8rem; font-weight: 700; padding: .05rem .5rem; border-radius: 999px; border: 1px solid currentColor; }
.state.running { color: #1d5a26; } .state.starting, .state.paused { color: #7a4a00; } .state.stopped, .state.killed { color: var(--lost); }
.state.rotation { font-weight: 600; border-style: dashed; } .state.rotation.in { color: #4a5260; } .state.rotation.out { color: #7a4a00; } .state.rotation.dead { color: var(--lost); }
.rotation-note { margin: .3rem 0 0; font-size: .82rem; color: var(--muted); }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .8rem; margin: .4rem 0 .6rem; font-size: .9rem; }
.card dt { color: var(--muted); } .card dd { margin: 0; font-variant-numeric: tabular-nums; }
.buttons { display: flex; flex-wrap: wrap; gap: .35rem; }
button { font: inherit; font-size: .88rem; padding: .25rem .65rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: var(--card); color: var(--accent); }
button.danger { background: var(--card); color: var(--lost); border-color: var(--lost); }
button:disabled { background: #eceef1; color: #5f6773; border-color: #c4c9d0; cursor: not-allowed; }
button:not(:disabled):hover { filter: brightness(1.1); }
:focus-visible { outline: 3px solid #c25e00; outline-offset: 2px; }
.toggle { display: inline-flex; gap: .4rem; align-items: center; }
.toggle input { width: 1.1rem; height: 1.1rem; }
.redis { margin-top: 1rem; padding-top: .8rem; border-top: 1px solid var(--line); }
.tiles { list-style: none; margin: 1rem 0 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: .5rem; }
.tile { border-radius: 6px; padding: .45rem .6rem; color: #fff; background: var(--c, #5f6773); min-height: 4.6rem; border: 3px solid transparent; }
.tile .who { display: flex; justify-content: space-between; font-weight: 700; }
.tile .addr { font-size: .75rem; opacity: .95; }
.tile .what { font-size: .85rem; }
.tile.lost { background: var(--lost); border-color: #5c0f0a; }
.tile.lost .what { font-weight: 700; }
.tile.waiting { background: #5f6773; }
.tile.failing { border: 3px dashed #ffd54f; }
.muted { color: var(--muted); }
.foot { padding: 0 1.5rem 1.5rem; color: var(--muted); font-size: .88rem; }
code { font-size: .9em; }
.timeline-panel { margin: 0 1.5rem 1.2rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
.tl-live { overflow-x: auto; min-height: 3rem; }
${TIMELINE_CSS}`;
