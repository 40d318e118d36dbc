import type { MatrixRow } from '../scenarios/types';
import { SCENARIO_DESCRIPTIONS } from '../scenarios/descriptions';
import { BALANCERS, HAPROXY_STRATEGIES, STORES, type BalancerEngine } from '../topology/topology';

/**
 * `33.3` → `33 %`; below 1 but above 0 keeps one decimal so "almost none" is
 * not shown as 0; a measurement without evidence stays `unknown`.
 */
export function formatPct(value: number | 'unknown'): string {
  if (value === 'unknown') return 'unknown';
  if (!Number.isFinite(value)) return '–';
  if (value > 0 && value < 1) return `${value.toFixed(1)} %`;
  return `${Math.round(value)} %`;
}

/** Skew is ≥ 1 whenever a request was served; 0 means none was (e.g. Redis paused). */
export function formatSkew(value: number): string {
  return Number.isFinite(value) && value > 0 ? value.toFixed(2) : '–';
}

/** Rows written before the balancer was recorded were measured behind nginx. */
export function balancerOf(row: Pick<MatrixRow, 'balancer'>): BalancerEngine {
  return row.balancer ?? 'nginx';
}

/** How a person names the engine in a sentence. */
export function balancerName(b: BalancerEngine): string {
  return b === 'haproxy' ? 'HAProxy' : 'nginx';
}

/** `sticky-cookie / memory (down)`; HAProxy rows say so (nginx, the default, stays implicit). */
export function cellLabel(row: Pick<MatrixRow, 'strategy' | 'store' | 'variant' | 'balancer'>): string {
  const engine = balancerOf(row) === 'nginx' ? '' : `${balancerName(balancerOf(row))} · `;
  return `${engine}${row.strategy} / ${row.store}${row.variant ? ` (${row.variant})` : ''}`;
}

/** Strategies in declared order (HAProxy-only ones last), then any unknown to this version (an old report's), by name. */
export function strategyOrder(rows: readonly Pick<MatrixRow, 'strategy'>[]): string[] {
  const declared: readonly string[] = HAPROXY_STRATEGIES;
  const extra = [...new Set(rows.map((r) => r.strategy as string))].filter((s) => !declared.includes(s)).sort();
  return [...declared, ...extra];
}

export interface ScenarioGroup {
  id: string;
  rows: MatrixRow[];
}

/** Rows grouped by scenario in the order of SCENARIO_DESCRIPTIONS, each group sorted by strategy, store, variant. */
export function groupRows(rows: readonly MatrixRow[]): ScenarioGroup[] {
  const order = (id: string) => {
    const i = SCENARIO_DESCRIPTIONS.findIndex((s) => s.id === id);
    return i < 0 ? SCENARIO_DESCRIPTIONS.length : i;
  };
  const ids = [...new Set(rows.map((r) => r.scenario))].sort((a, b) => order(a) - order(b));
  return ids.map((id) => ({ id, rows: rows.filter((r) => r.scenario === id).sort(compareCells) }));
}

/** Strategy, store, variant, then nginx before HAProxy, so the two measurements of one cell sit side by side. */
function compareCells(a: MatrixRow, b: MatrixRow): number {
  const order = strategyOrder([a, b]);
  return (
    order.indexOf(a.strategy) - order.indexOf(b.strategy) ||
    STORES.indexOf(a.store) - STORES.indexOf(b.store) ||
    (a.variant ?? '').localeCompare(b.variant ?? '') ||
    BALANCERS.indexOf(balancerOf(a)) - BALANCERS.indexOf(balancerOf(b))
  );
}

/** Why a row's checks said `unknown`, for the reader next to the numbers. */
export function unknownReasons(row: Pick<MatrixRow, 'checks'>): string[] {
  return Object.entries(row.checks ?? {})
    .filter(([, v]) => v?.valid === 'unknown')
    .map(([name, v]) => `${name} unknown: ${v!.reason}`);
}

/** The note a reader sees: the scenario's own, where the moved clients went, the re-pin, then any unknown verdict's reason. */
export function rowNote(row: Pick<MatrixRow, 'checks' | 'note' | 'moves' | 'repin'>): string {
  return [row.note, movesText(row), repinText(row), ...unknownReasons(row)].filter(Boolean).join('; ');
}

function movesText({ moves: m }: Pick<MatrixRow, 'moves'>): string {
  return m ? `moves: ${m.from_removed} off the replica that left, ${m.to_new} onto the new one, ${m.between_survivors} between survivors` : '';
}

function repinText({ repin: r }: Pick<MatrixRow, 'repin'>): string {
  if (!r) return '';
  const ms = r.first_answer_ms === 'unknown' ? 'unknown' : `${r.first_answer_ms} ms`;
  return `re-pin: first live answer after ${ms}, ${r.replicas_seen} replica(s) over the next 10 requests, ${r.fresh_route_cookie ? 'a fresh route cookie' : 'no new route cookie'}`;
}

/** A measured value as a cell shows it: the median and, over several runs, `[min–max]`. */
export function measuredCell(row: MatrixRow, metric: 'carts_lost_pct' | 'clients_moved_pct' | 'load_skew'): string {
  const show = metric === 'load_skew' ? formatSkew : formatPct;
  const value = row[metric];
  const text = value === 'unknown' ? 'unknown' : show(value);
  const span = (row.runs ?? 1) > 1 ? row.spread?.[metric] : undefined;
  return span ? `${text} [${formatRange(span, show)}]` : text;
}

/** The balancer's arithmetic replayed: `moved 25 %, skew 1.20, agrees 100 %`; empty where nothing was predicted. */
export function predictedCell({ predicted: p }: Pick<MatrixRow, 'predicted'>): string {
  return p ? `moved ${formatPct(p.clients_moved_pct)}, skew ${formatSkew(p.load_skew)}, agrees ${formatPct(p.placement_agreement_pct)}` : '';
}

/** The textbook value and its formula: `moved 25 % (consistent ring 3 → 4: …)`. */
export function theoryCell({ theory: t }: Pick<MatrixRow, 'theory'>): string {
  if (!t) return '';
  return t.metric === 'load_skew' ? `skew ${formatSkew(t.value)} (${t.formula})` : `moved ${formatPct(t.value)} (${t.formula})`;
}

/** `30–40 %`, `1.20–1.35`, `0–4`: a range over runs as the value is shown. */
export function formatRange([lo, hi]: readonly [number, number], show: (v: number) => string): string {
  const [a, b] = [show(lo), show(hi)];
  if (a === b) return a;
  return a.endsWith(' %') && b.endsWith(' %') ? `${a.slice(0, -2)}–${b}` : `${a}–${b}`;
}
