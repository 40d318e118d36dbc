// A random cell runs several times; the report shows the median and the
// [min, max] of those runs, never one sample as *the* number. Pure.
import type { MatrixRow } from '../scenarios/types';
import type { Range, RowSpread } from '../scenarios/trust';
import { median, range } from '../util/stats';

type Pct = number | 'unknown';

/**
 * Median and range of one percentage over runs. One run without evidence
 * makes the cell `unknown` (Jepsen's rule: a median over the runs that did see
 * something would hide the one that did not).
 */
function overRuns(values: readonly Pct[]): { value: Pct; range: Range | null } {
  const xs = values.filter((v): v is number => v !== 'unknown');
  const r = xs.length ? range(xs) : null;
  return values.length === xs.length ? { value: round(median(xs)), range: r } : { value: 'unknown', range: r };
}

/**
 * Combines the rows of N runs of one parametrisation, run by run (each run
 * gives its rows in the same order: one per variant), into one row per
 * variant: medians, `runs`, and `spread` when there was more than one run.
 * The first run keeps its timeline, notes and checks (a reader can open one).
 */
export function combineRuns(runs: readonly (readonly MatrixRow[])[]): MatrixRow[] {
  if (!runs.length) return [];
  if (runs.length === 1) return runs[0].map((r) => ({ ...r, runs: 1 }));
  return runs[0].map((first, i) => {
    const same = runs.map((rows) => rows.find((r) => (r.variant ?? '') === (first.variant ?? '')) ?? rows[i]);
    const lost = overRuns(same.map((r) => r.carts_lost_pct));
    const moved = overRuns(same.map((r) => r.clients_moved_pct));
    const skew = same.map((r) => r.load_skew);
    const spread: RowSpread = {
      carts_lost_pct: lost.range,
      clients_moved_pct: moved.range,
      load_skew: range(skew),
      failed_requests: range(same.map((r) => r.failed_requests)),
    };
    const unknownOf = same.find((r) => r.carts_lost_pct === 'unknown' || r.clients_moved_pct === 'unknown');
    return {
      ...first,
      // The note counts one run's clients; say which, beside the medians.
      ...(first.note ? { note: `run 1 of ${runs.length}: ${first.note}` } : {}),
      carts_lost_pct: lost.value,
      clients_moved_pct: moved.value,
      failed_requests: Math.round(median(same.map((r) => r.failed_requests))),
      load_skew: round(median(skew)),
      ...(unknownOf?.checks ? { checks: unknownOf.checks } : {}),
      ...(first.duration_ms !== undefined ? { duration_ms: same.reduce((t, r) => t + (r.duration_ms ?? 0), 0) } : {}),
      ...combinedMoves(same),
      ...combinedRepin(same),
      ...combinedFailover(same),
      runs: runs.length,
      spread,
    };
  });
}

/** Client counts of each kind of move, median over the runs that counted them. */
function combinedMoves(rows: readonly MatrixRow[]): Pick<MatrixRow, 'moves'> {
  const ms = rows.map((r) => r.moves).filter((m) => m !== undefined);
  if (!ms.length) return {};
  const of = (k: keyof NonNullable<MatrixRow['moves']>) => Math.round(median(ms.map((m) => m[k])));
  return { moves: { from_removed: of('from_removed'), to_new: of('to_new'), between_survivors: of('between_survivors') } };
}

function combinedRepin(rows: readonly MatrixRow[]): Pick<MatrixRow, 'repin'> {
  const rs = rows.map((r) => r.repin).filter((r) => r !== undefined);
  if (!rs.length) return {};
  const ms = overRuns(rs.map((r) => r.first_answer_ms));
  const seen = overRuns(rs.map((r) => r.replicas_seen));
  return { repin: { first_answer_ms: ms.value, replicas_seen: seen.value, fresh_route_cookie: rs.every((r) => r.fresh_route_cookie) } };
}

/**
 * A Redis failover over the runs: every acknowledged add lost in any run
 * counts (a median would hide the one run that lost writes), and the time
 * without a primary is the median and range of the runs that saw one.
 */
function combinedFailover(rows: readonly MatrixRow[]): Pick<MatrixRow, 'failover'> {
  const fs = rows.map((r) => r.failover).filter((f) => f !== undefined);
  if (!fs.length) return {};
  const gaps = fs.map((f) => f.no_primary_ms).filter((ms): ms is number => ms !== null);
  return {
    failover: {
      no_primary_ms: gaps.length ? Math.round(median(gaps)) : null,
      ...(gaps.length ? { no_primary_ms_range: range(gaps) } : {}),
      acked_adds_lost: fs.reduce((n, f) => n + f.acked_adds_lost, 0),
      acked_adds: fs.reduce((n, f) => n + f.acked_adds, 0),
    },
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
