import type { MatrixRow } from '../scenarios/types';
import { CATALOG } from '../scenarios/catalog';
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

/** Rows grouped by scenario in catalog order, each group sorted by strategy, store, variant. */
export function groupRows(rows: readonly MatrixRow[]): ScenarioGroup[] {
  const order = (id: string) => {
    const i = CATALOG.findIndex((s) => s.id === id);
    return i < 0 ? CATALOG.length : i;
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

/** The note a reader sees: the scenario's own, then any unknown verdict's reason. */
export function rowNote(row: Pick<MatrixRow, 'checks' | 'note'>): string {
  return [row.note, ...unknownReasons(row)].filter(Boolean).join('; ');
}

/** `30–40 %`, `1.20–1.35`, `0–4`: a range over runs as the value is shown. */
export function formatRange([lo, hi]: readonly [number, number], show: (v: number) => string): string {
  const [a, b] = [show(lo), show(hi)];
  if (a === b) return a;
  return a.endsWith(' %') && b.endsWith(' %') ? `${a.slice(0, -2)}–${b}` : `${a}–${b}`;
}
