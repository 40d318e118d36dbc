// Runs the scenarios one after another (a 2-core machine gains nothing from
import { sentinelVariant } from '../scenarios/redis-failover';
// overlapping topologies) and collects their matrix rows.
import { SCENARIOS } from '../scenarios';
import type { MatrixRow, ScenarioDefinition, ScenarioParams } from '../scenarios/types';
import { formatPct, formatSkew } from './format';
import { Progress, type ProgressSink } from './progress';

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

/** Scenarios by id, in registry order; unknown ids are an error naming the known ones. */
export function selectScenarios(only?: readonly string[]): ScenarioDefinition[] {
  if (!only?.length) return [...SCENARIOS];
  const unknown = only.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  return SCENARIOS.filter((s) => only.includes(s.id));
}

export async function runMatrix(scenarios: readonly ScenarioDefinition[], sink: ProgressSink): Promise<MatrixRun> {
  const started = Date.now();
  const jobs = scenarios.flatMap((s) => s.params.map((params) => ({ s, params })));
  const progress = new Progress(sink);
  const rows: MatrixRow[] = [];
  const failures: Failure[] = [];
  // Each teardown (≈ 1–2 s, mostly waiting) overlaps the next boot.
  const teardowns: Promise<void>[] = [];
  const options = { deferTeardown: (down: Promise<void>) => void teardowns.push(down) };
  for (const [i, { s, params }] of jobs.entries()) {
    const job = { index: i + 1, total: jobs.length, label: `${s.id.padEnd(18)} ${params.balancer === 'haproxy' ? 'haproxy · ' : ''}${params.strategy} / ${params.store}${params.redisPersistence ? ` / ${params.redisPersistence}` : ''}${params.sentinel ? ` / sentinel ${sentinelVariant(params)}` : ''}`.padEnd(62) };
    progress.start(job);
    try {
      const result = await s.run(params, options);
      rows.push(...result.rows);
      progress.finish(job, true, result.rows.map(summary).join('   '));
    } catch (err) {
      const error = (err as Error).message.split('\n')[0];
      failures.push({ scenario: s.id, params, error });
      progress.finish(job, false, error);
    }
  }
  for (const t of await Promise.allSettled(teardowns)) {
    if (t.status === 'rejected') sink.write(`teardown failed: ${(t.reason as Error)?.message ?? t.reason}\n`);
  }
  return { rows, failures, durationMs: Date.now() - started };
}

function summary(r: MatrixRow): string {
  const v = r.variant ? `${r.variant}: ` : '';
  return `${v}lost ${formatPct(r.carts_lost_pct)}, moved ${formatPct(r.clients_moved_pct)}, failed ${r.failed_requests}, skew ${formatSkew(r.load_skew)}`;
}
