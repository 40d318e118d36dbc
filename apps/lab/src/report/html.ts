import type { MatrixRow } from '../scenarios/types';
import { SCENARIO_DESCRIPTIONS } from '../scenarios/descriptions';
import { BALANCERS, STORES } from '../topology/topology';
import { escapeHtml, lossAndMoveBars, lossColour, skewBars } from './charts';

/** Failure modes whose story is the load, not the loss. */
const SKEW_CHARTS = new Set(['steady-state', 'nat']);
import { claimsHtml } from './claims';
import { balancerDifferences, type Difference } from './differences';
import { balancerName, balancerOf, cellLabel, groupRows, measuredCell, predictedCell, rowNote, strategyOrder, theoryCell } from './format';
import { HOW_TO_READ, type ReportMeta } from './markdown';
import { REPORT_CSS } from './style';
import { timelineLegend, timelineSvg } from './timeline-svg';

/** The measured strategy/store(/balancer) columns, nginx and HAProxy of one cell side by side. */
function columns(rows: readonly MatrixRow[]): string[] {
  const keys = new Set(rows.map(columnKey));
  return STORES.flatMap((store) => strategyOrder(rows).flatMap((s) => BALANCERS.map((b) => `${s} / ${store}${b === 'nginx' ? '' : ` / ${b}`}`))).filter((k) => keys.has(k));
}

const columnKey = (r: MatrixRow) => `${r.strategy} / ${r.store}${balancerOf(r) === 'nginx' ? '' : ` / ${balancerOf(r)}`}`;

/** Which topology drivers measured the rows (process: local processes; compose: Docker Compose). */
function driversNote(rows: readonly MatrixRow[]): string {
  const drivers = [...new Set(rows.map((r) => r.driver).filter(Boolean))];
  return drivers.length ? ` · driver ${escapeHtml(drivers.join(', '))}` : '';
}

function gridCell(r: MatrixRow | undefined): string {
  if (!r) return '<td class="na">·</td>';
  const note = rowNote(r);
  const who = [r.driver && `${r.driver} driver`, balancerOf(r) === 'haproxy' && balancerName('haproxy')].filter(Boolean).join(', ');
  const [lost, moved, skew] = [measuredCell(r, 'carts_lost_pct'), measuredCell(r, 'clients_moved_pct'), measuredCell(r, 'load_skew')];
  const runs = (r.runs ?? 1) > 1 ? `, median of ${r.runs} runs` : '';
  const title = `${who ? `${who}: ` : ''}carts lost ${lost}, clients moved ${moved}, failed ${r.failed_requests}, skew ${skew}${runs}${note ? ` — ${note}` : ''}`;
  return (
    `<td style="background:${lossColour(r.carts_lost_pct)}" title="${escapeHtml(title)}">` +
    `<b>${escapeHtml(lost)}</b><span>moved ${escapeHtml(moved)}</span>` +
    `<span>fail ${r.failed_requests} · skew ${escapeHtml(skew)}</span></td>`
  );
}

function grid(rows: readonly MatrixRow[]): string {
  const cols = columns(rows);
  const head = cols.map((c) => `<th>${escapeHtml(c).replace(/ \/ /g, '<br>')}</th>`).join('');
  const lines = groupRows(rows).flatMap((g) => {
    const variants = [...new Set(g.rows.map((r) => r.variant ?? ''))];
    return variants.map((v) => {
      const name = `${SCENARIO_DESCRIPTIONS.find((s) => s.id === g.id)?.title ?? g.id}${v ? ` <em>(${escapeHtml(v)})</em>` : ''}`;
      const cells = cols.map((c) => gridCell(g.rows.find((r) => columnKey(r) === c && (r.variant ?? '') === v)));
      return `<tr><th class="row"><a href="#${g.id}">${name}</a></th>${cells.join('')}</tr>`;
    });
  });
  return `<table class="grid"><thead><tr><th></th>${head}</tr></thead><tbody>${lines.join('')}</tbody></table>`;
}

function detail(rows: readonly MatrixRow[]): string {
  const differences = balancerDifferences(rows);
  return groupRows(rows)
    .map((g) => {
      const info = SCENARIO_DESCRIPTIONS.find((s) => s.id === g.id);
      const notes = g.rows
        .filter((r) => rowNote(r))
        .map((r) => `<li><b>${escapeHtml(`${r.driver ? `${r.driver} · ` : ''}${cellLabel(r)}`)}</b>: ${escapeHtml(rowNote(r))}</li>`)
        .join('');
      return (
        `<section class="card" id="${escapeHtml(g.id)}"><h3>${escapeHtml(info?.title ?? g.id)} <code>${escapeHtml(g.id)}</code></h3>` +
        (info ? `<p class="fault">Fault: ${escapeHtml(info.fault)}</p><p>${escapeHtml(info.read)}</p>` : '') +
        `<h4>carts lost · clients moved</h4>` +
        lossAndMoveBars(g.rows) +
        (SKEW_CHARTS.has(g.id) ? `<h4>load skew (1 = even, 3 = all on one replica)</h4>${skewBars(g.rows)}` : '') +
        trustTable(g.rows) +
        (notes ? `<ul class="notes">${notes}</ul>` : '') +
        differenceList(differences.filter((d) => d.scenario === g.id)) +
        timelines(g.rows) +
        `</section>`
      );
    })
    .join('');
}

/**
 * Measured | predicted | theory side by side, one line per cell, where a row
 * has a prediction, a theory or several runs.
 */
function trustTable(rows: readonly MatrixRow[]): string {
  const shown = rows.filter((r) => r.predicted || r.theory || (r.runs ?? 1) > 1);
  if (!shown.length) return '';
  const line = (r: MatrixRow) => {
    const metric = r.theory?.metric ?? 'clients_moved_pct';
    const cells = [cellLabel(r), String(r.runs ?? 1), `${metric === 'load_skew' ? 'skew' : 'moved'} ${measuredCell(r, metric)}`, predictedCell(r) || '–', theoryCell(r) || '–'];
    return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  };
  return `<h4>measured | predicted | theory</h4><table class="trust"><thead><tr><th>cell</th><th>runs</th><th>measured</th><th>predicted</th><th>theory</th></tr></thead><tbody>${shown.map(line).join('')}</tbody></table>`;
}

/** What differed between nginx and HAProxy on this scenario, one sentence each. */
function differenceList(ds: readonly Difference[]): string {
  if (!ds.length) return '';
  return `<h4>nginx vs HAProxy, beyond the spread</h4><ul class="differences">${ds.map((d) => `<li>${escapeHtml(d.sentence)}</li>`).join('')}</ul>`;
}

/**
 * One timeline per measured run, a click away (no script needed); open: the
 * first run that lost carts, where the picture has the most to say.
 */
function timelines(rows: readonly MatrixRow[]): string {
  const runs = rows.filter((r) => r.timeline);
  if (!runs.length) return '';
  const open = Math.max(0, runs.findIndex((r) => typeof r.carts_lost_pct === 'number' && r.carts_lost_pct > 0));
  const items = runs.map((r, i) => {
    const tl = r.timeline!;
    const head = `${cellLabel({ ...r, variant: undefined })}: ${tl.clients.length} clients, ${(tl.durationMs / 1000).toFixed(1)} s`;
    return `<details class="tl"${i === open ? ' open' : ''}><summary>${escapeHtml(head)}</summary>${timelineLegend(tl.replicas)}${timelineSvg(tl)}</details>`;
  });
  return `<h4>timeline: each client's requests, coloured by the replica that answered</h4>${items.join('')}`;
}

/** One self-contained page: inline CSS and SVG, no scripts, no external requests. */
export function renderHtml(rows: readonly MatrixRow[], meta: ReportMeta): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sticky Sessions Lab — failure-mode matrix</title><style>${REPORT_CSS}</style></head>
<body><header><h1>Failure-mode matrix</h1>
<p>${escapeHtml(meta.environment)} · generated ${escapeHtml(meta.generatedAt)} in ${(meta.durationMs / 1000).toFixed(0)} s · ${rows.length} measurements${driversNote(rows)}</p></header>
<main>
<section class="how"><h2>How to read it</h2><ul>${HOW_TO_READ.map((l) => `<li>${mdInline(l)}</li>`).join('')}</ul>
<p class="legend">Each cell: carts lost (big number and colour), clients moved, failed requests, load skew. Colour: <span class="sw" style="background:${lossColour(0)}">0 %</span><span class="sw" style="background:${lossColour(33)}">33 %</span><span class="sw" style="background:${lossColour(67)}">67 %</span><span class="sw" style="background:${lossColour(100)}">100 %</span> · bars: <span class="key lost"></span> carts lost <span class="key moved"></span> clients moved <span class="key skew"></span> load skew</p></section>
<section><h2>Failure modes × strategy / store</h2>${grid(rows)}</section>
<h2>Per failure mode</h2><div class="cards">${detail(rows)}</div>
${claimsHtml(rows)}
${meta.notMeasured?.length ? `<section class="missing"><h2>Not measured</h2><ul>${meta.notMeasured.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></section>` : ''}
</main></body></html>
`;
}

/** The few bits of markdown the shared "how to read" lines use. */
function mdInline(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>').replace(/`(.+?)`/g, '<code>$1</code>');
}
