// Runs the scenarios one after another (a 2-core machine gains nothing from
// overlapping topologies) and collects their matrix rows; a random cell runs
// several times and becomes one row of medians and ranges.
import { sentinelVariant } from '../scenarios/redis-failover';
import { SCENARIOS } from '../scenarios';
import { paramKey, runsFor, TEACHING } from '../scenarios/plan';
import type { MatrixRow, ScenarioDefinition, ScenarioParams } from '../scenarios/types';
import { formatPct, formatSkew } from './format';
import { Progress, type ProgressSink } from './progress';
import { combineRuns } from './repeats';

export interface Failure {
  scenario: string;
  params: ScenarioParams;
  error: string;
}

export interface MatrixRun {
  rows: MatrixRow[];
  failures: Failure[];
  durationMs: number;
}

export interface Selection {
  /** Scenario ids; default every scenario. */
  only?: readonly string[];
  /** Every parametrisation (the full grid) instead of the teaching set. */
  all?: boolean;
}

/**
 * Scenarios by id, in registry order, each with the parametrisations to run:
 * the teaching set's, or all of them with `all` (and for a scenario named in
 * `only` that has none in the teaching set). Unknown ids are an error naming
 * the known ones.
 */
export function selectScenarios(sel: Selection = {}): ScenarioDefinition[] {
  const { only, all } = sel;
  const unknown = (only ?? []).filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  const named = only?.length ? SCENARIOS.filter((s) => only.includes(s.id)) : SCENARIOS;
  if (all) return [...named];
  return named
    .map((s) => ({ ...s, params: teaching(s, !!only?.length) }))
    .filter((s) => s.params.length);
}

function teaching(s: ScenarioDefinition, named: boolean): ScenarioParams[] {
  const keys = TEACHING[s.id];
  if (!keys) return named ? s.params : [];
  return s.params.filter((p) => keys.includes(paramKey(p)));
}

/** Runs each cell takes: `runs` for a random cell, 1 for a deterministic one. */
export function plannedRuns(scenarios: readonly ScenarioDefinition[], runs?: number): { cells: number; runs: number } {
  const counts = scenarios.flatMap((s) => s.params.map((p) => runsFor(s.id, p, runs)));
  return { cells: counts.length, runs: counts.reduce((a, b) => a + b, 0) };
}

export async function runMatrix(scenarios: readonly ScenarioDefinition[], sink: ProgressSink, runs?: number): Promise<MatrixRun> {
  const started = Date.now();
  const jobs = scenarios.flatMap((s) =>
    s.params.flatMap((params) => {
      const n = runsFor(s.id, params, runs);
      return Array.from({ length: n }, (_, k) => ({ s, params, k, n }));
    }),
  );
  const progress = new Progress(sink);
  const rows: MatrixRow[] = [];
  const failures: Failure[] = [];
  // Each teardown (≈ 1–2 s, mostly waiting) overlaps the next boot.
  const teardowns: Promise<void>[] = [];
  const options = { deferTeardown: (down: Promise<void>) => void teardowns.push(down) };
  let cell: MatrixRow[][] = [];
  for (const [i, { s, params, k, n }] of jobs.entries()) {
    const job = { index: i + 1, total: jobs.length, label: `${label(s.id, params)}${n > 1 ? ` run ${k + 1}/${n}` : ''}`.padEnd(62) };
    progress.start(job);
    try {
      const result = await s.run(params, options);
      cell.push(result.rows);
      progress.finish(job, true, result.rows.map(summary).join('   '));
    } catch (err) {
      const error = (err as Error).message.split('\n')[0];
      failures.push({ scenario: s.id, params, error: n > 1 ? `run ${k + 1} of ${n}: ${error}` : error });
      progress.finish(job, false, error);
    }
    if (k === n - 1) {
      rows.push(...combineRuns(cell));
      cell = [];
    }
  }
  for (const t of await Promise.allSettled(teardowns)) {
    if (t.status === 'rejected') sink.write(`teardown failed: ${(t.reason as Error)?.message ?? t.reason}\n`);
  }
  return { rows, failures, durationMs: Date.now() - started };
}

function label(id: string, params: ScenarioParams): string {
  return `${id.padEnd(18)} ${params.balancer === 'haproxy' ? 'haproxy · ' : ''}${params.strategy} / ${params.store}${params.redisPersistence ? ` / ${params.redisPersistence}` : ''}${params.sentinel ? ` / sentinel ${sentinelVariant(params)}` : ''}`;
}

function summary(r: MatrixRow): string {
  const v = r.variant ? `${r.variant}: ` : '';
  return `${v}lost ${formatPct(r.carts_lost_pct)}, moved ${formatPct(r.clients_moved_pct)}, failed ${r.failed_requests}, skew ${formatSkew(r.load_skew)}`;
}
