// nginx and HAProxy measured on the same scenario × strategy × store: a
// sentence only where the two differ beyond chance — their ranges over
// repeated runs do not overlap (a deterministic cell's range is its one
// value) — or where the balancers' own arithmetic predicts different
// placements. Pure (rows in, sentences out) so the report, the docs and the
// tests agree on what "a difference" is.
import { SCENARIO_DESCRIPTIONS } from '../scenarios/descriptions';
import { isDeterministic } from '../scenarios/plan';
import type { Range } from '../scenarios/trust';
import type { MatrixRow } from '../scenarios/types';
import { algorithmOf } from './algorithms';
import { balancerName, balancerOf, cellLabel, formatPct, formatRange, formatSkew, groupRows, unknownReasons } from './format';

export type Metric = 'carts lost' | 'clients moved' | 'failed requests' | 'load skew' | 'predicted placement';

export interface Difference {
  scenario: string;
  /** `ip-hash / memory (one /24)`: the cell both balancers were measured on. */
  cell: string;
  metric: Metric;
  nginx: number | 'unknown';
  haproxy: number | 'unknown';
  sentence: string;
}

/**
 * Skew ranges closer than this read as the same distribution: one request
 * more or less on the busiest replica of ~200 moves it by a few hundredths.
 */
export const SKEW_TOLERANCE = 0.1;

interface MetricSpec {
  metric: Exclude<Metric, 'predicted placement'>;
  value: (r: MatrixRow) => number | 'unknown';
  spread: (r: MatrixRow) => Range | null | undefined;
  show: (v: number) => string;
  /** How far apart two ranges must be to differ. */
  gap: number;
  /** The check whose `unknown` explains an unknown value. */
  check?: 'carts' | 'placement';
}

const METRICS: readonly MetricSpec[] = [
  { metric: 'carts lost', value: (r) => r.carts_lost_pct, spread: (r) => r.spread?.carts_lost_pct, show: formatPct, gap: 0, check: 'carts' },
  { metric: 'clients moved', value: (r) => r.clients_moved_pct, spread: (r) => r.spread?.clients_moved_pct, show: formatPct, gap: 0, check: 'placement' },
  { metric: 'failed requests', value: (r) => r.failed_requests, spread: (r) => r.spread?.failed_requests, show: String, gap: 0 },
  { metric: 'load skew', value: (r) => r.load_skew, spread: (r) => r.spread?.load_skew, show: formatSkew, gap: SKEW_TOLERANCE },
];

/** Every difference beyond the spread between the balancers, in report order; cells measured on one balancer only are skipped. */
export function balancerDifferences(rows: readonly MatrixRow[]): Difference[] {
  return groupRows(rows).flatMap((g) => {
    const pairs = new Map<string, Partial<Record<'nginx' | 'haproxy', MatrixRow>>>();
    for (const r of g.rows) {
      const cell = cellLabel({ ...r, balancer: undefined });
      pairs.set(cell, { ...pairs.get(cell), [balancerOf(r)]: r });
    }
    return [...pairs].flatMap(([cell, { nginx, haproxy }]) => (nginx && haproxy ? cellDifferences(g.id, cell, nginx, haproxy) : []));
  });
}

/**
 * A row's range for a metric: its spread over runs, a deterministic cell's
 * one value, or undefined for a lone sample of a random cell (no claim).
 */
export function rangeOf(row: MatrixRow, m: Pick<MetricSpec, 'value' | 'spread'>): Range | undefined {
  const v = m.value(row);
  if (v === 'unknown') return undefined;
  const s = m.spread(row);
  if (s) return s;
  return (row.runs ?? 1) === 1 && isDeterministic(row.scenario, row) ? [v, v] : undefined;
}

/** True when the two ranges are more than `gap` apart. */
export function beyond(a: Range, b: Range, gap = 0): boolean {
  return a[0] - b[1] > gap + 1e-9 || b[0] - a[1] > gap + 1e-9;
}

function cellDifferences(scenario: string, cell: string, nginx: MatrixRow, haproxy: MatrixRow): Difference[] {
  const title = SCENARIO_DESCRIPTIONS.find((s) => s.id === scenario)?.title ?? scenario;
  const measured = METRICS.flatMap((m) => {
    const [a, b] = [m.value(nginx), m.value(haproxy)];
    if (a === 'unknown' && b === 'unknown') return [];
    if (a !== 'unknown' && b !== 'unknown') {
      const [ra, rb] = [rangeOf(nginx, m), rangeOf(haproxy, m)];
      if (!ra || !rb || !beyond(ra, rb, m.gap)) return [];
    }
    const side = (v: number | 'unknown', row: MatrixRow) =>
      `${v === 'unknown' ? v : shown(m, v, row)} behind ${balancerName(balancerOf(row))}${v === 'unknown' ? ` (no evidence: ${why(row, m)})` : ''}`;
    const sentence = `${title}, ${cell}: ${m.metric} ${side(a, nginx)}, ${side(b, haproxy)}.`;
    return [{ scenario, cell, metric: m.metric, nginx: a, haproxy: b, sentence }];
  });
  const predicted = predictedDifference(nginx, haproxy);
  return predicted ? [...measured, { scenario, cell, ...predicted, sentence: `${title}, ${cell}: ${predicted.sentence}` }] : measured;
}

/** `33 %`, or `33 % (23–47 % over 3 runs)` when the row is a median. */
function shown(m: MetricSpec, v: number, row: MatrixRow): string {
  const s = m.spread(row);
  return s && (row.runs ?? 1) > 1 ? `${m.show(v)} (${formatRange(s, m.show)} over ${row.runs} runs)` : m.show(v);
}

/** The balancers' arithmetic predicts different placements: say so, and why. */
function predictedDifference(nginx: MatrixRow, haproxy: MatrixRow): Omit<Difference, 'scenario' | 'cell'> | undefined {
  const [a, b] = [nginx.predicted, haproxy.predicted];
  if (!a || !b) return undefined;
  const moved = a.clients_moved_pct !== b.clients_moved_pct;
  if (!moved && Math.abs(a.load_skew - b.load_skew) < SKEW_TOLERANCE) return undefined;
  const what = moved ? `clients moved ${formatPct(a.clients_moved_pct)} vs ${formatPct(b.clients_moved_pct)}` : `load skew ${formatSkew(a.load_skew)} vs ${formatSkew(b.load_skew)}`;
  const sentence = `predicted placements differ (${what}): nginx ${algorithmOf('nginx', nginx.strategy)}; HAProxy ${algorithmOf('haproxy', haproxy.strategy)}.`;
  return { metric: 'predicted placement', nginx: moved ? a.clients_moved_pct : a.load_skew, haproxy: moved ? b.clients_moved_pct : b.load_skew, sentence };
}

function why(row: MatrixRow, m: MetricSpec): string {
  const reason = m.check ? row.checks?.[m.check]?.reason : undefined;
  return reason ?? (unknownReasons(row)[0] || 'the check saw nothing');
}
