// nginx and HAProxy measured on the same scenario × strategy × store: one
// sentence per number that differs. Pure (rows in, sentences out) so the
// report, the docs and the tests agree on what "a difference" is.
import { CATALOG } from '../scenarios/catalog';
import type { MatrixRow } from '../scenarios/types';
import { balancerName, balancerOf, cellLabel, formatPct, formatSkew, groupRows, unknownReasons } from './format';

export type Metric = 'carts lost' | 'clients moved' | 'failed requests' | 'load skew';

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
 * Skew below this apart reads as the same distribution: one request more or
 * less on the busiest replica of ~200 moves it by a few hundredths.
 */
export const SKEW_TOLERANCE = 0.1;

interface MetricSpec {
  metric: Metric;
  value: (r: MatrixRow) => number | 'unknown';
  show: (v: number | 'unknown') => string;
  differ: (a: number, b: number) => boolean;
  /** The check whose `unknown` explains an unknown value. */
  check?: 'carts' | 'placement';
}

const METRICS: readonly MetricSpec[] = [
  // Percentages differ when a reader would see two numbers: rounded as displayed.
  { metric: 'carts lost', value: (r) => r.carts_lost_pct, show: formatPct, differ: (a, b) => formatPct(a) !== formatPct(b), check: 'carts' },
  { metric: 'clients moved', value: (r) => r.clients_moved_pct, show: formatPct, differ: (a, b) => formatPct(a) !== formatPct(b), check: 'placement' },
  { metric: 'failed requests', value: (r) => r.failed_requests, show: String, differ: (a, b) => a !== b },
  { metric: 'load skew', value: (r) => r.load_skew, show: (v) => (v === 'unknown' ? v : formatSkew(v)), differ: (a, b) => Math.abs(a - b) >= SKEW_TOLERANCE },
];

/** Every measured difference between the balancers, in report order; cells measured on one balancer only are skipped. */
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

function cellDifferences(scenario: string, cell: string, nginx: MatrixRow, haproxy: MatrixRow): Difference[] {
  const title = CATALOG.find((s) => s.id === scenario)?.title ?? scenario;
  return METRICS.flatMap((m) => {
    const [a, b] = [m.value(nginx), m.value(haproxy)];
    if (a === 'unknown' && b === 'unknown') return [];
    if (a !== 'unknown' && b !== 'unknown' && !m.differ(a, b)) return [];
    const side = (v: number | 'unknown', row: MatrixRow) => `${m.show(v)} behind ${balancerName(balancerOf(row))}${v === 'unknown' ? ` (no evidence: ${why(row, m)})` : ''}`;
    const sentence = `${title}, ${cell}: ${m.metric} ${side(a, nginx)}, ${side(b, haproxy)}.`;
    return [{ scenario, cell, metric: m.metric, nginx: a, haproxy: b, sentence }];
  });
}

function why(row: MatrixRow, m: MetricSpec): string {
  const reason = m.check ? row.checks?.[m.check]?.reason : undefined;
  return reason ?? (unknownReasons(row)[0] || 'the check saw nothing');
}
