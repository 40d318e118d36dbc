import type { MatrixRow } from '../scenarios/types';
import { CATALOG } from '../scenarios/catalog';
import { HAPROXY_STRATEGIES, STORES } from '../topology/topology';

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

/** `sticky-cookie / memory (down)` */
export function cellLabel(row: Pick<MatrixRow, 'strategy' | 'store' | 'variant'>): string {
  return `${row.strategy} / ${row.store}${row.variant ? ` (${row.variant})` : ''}`;
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

function compareCells(a: MatrixRow, b: MatrixRow): number {
  return (
    HAPROXY_STRATEGIES.indexOf(a.strategy) - HAPROXY_STRATEGIES.indexOf(b.strategy) ||
    STORES.indexOf(a.store) - STORES.indexOf(b.store) ||
    (a.variant ?? '').localeCompare(b.variant ?? '')
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
