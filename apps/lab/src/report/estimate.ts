// How long a report will take, said before it starts: seconds per run of each
// scenario as the committed sample measured them (docs/report-sample/). Pure
// but for `readSample`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runsFor } from '../scenarios/plan';
import type { MatrixRow, ScenarioDefinition } from '../scenarios/types';
import { repoRoot } from '../topology/paths';

export interface SampleMeta {
  generated_at: string;
  environment: string;
  duration_ms: number;
  /** `teaching` (the default report) or `all`. */
  selection: string;
}

export interface Sample {
  rows: MatrixRow[];
  meta?: SampleMeta;
}

export const sampleDir = (root = repoRoot()) => join(root, 'docs', 'report-sample');

/** The committed sample's matrix.json, or undefined when there is none (or it is not a report): then no estimate is given. */
export function readSample(dir = sampleDir()): Sample | undefined {
  const file = join(dir, 'matrix.json');
  if (!existsSync(file)) return undefined;
  try {
    const sample = JSON.parse(readFileSync(file, 'utf8')) as Sample;
    return Array.isArray(sample?.rows) ? sample : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Seconds one run of `scenario` took in the sample: its rows' durations over
 * their runs (the rows of one run — its variants — share one duration), or
 * the sample's mean over every run when it has no row of that scenario.
 */
export function secondsPerRun(rows: readonly MatrixRow[], scenario: string): number | undefined {
  const perRun = (rs: readonly MatrixRow[]) => {
    const runs = new Map(rs.filter((r) => r.duration_ms).map((r) => [`${r.scenario}|${r.balancer}|${r.strategy}|${r.store}`, r]));
    const total = [...runs.values()].reduce((t, r) => t + r.duration_ms!, 0);
    const count = [...runs.values()].reduce((t, r) => t + (r.runs ?? 1), 0);
    return count ? total / count / 1000 : undefined;
  };
  return perRun(rows.filter((r) => r.scenario === scenario)) ?? perRun(rows);
}

/** Estimated seconds for `scenarios` at `runs` per random cell, from the sample's timings; undefined without a sample. */
export function estimateSeconds(scenarios: readonly ScenarioDefinition[], sampleRows: readonly MatrixRow[] | undefined, runs?: number): number | undefined {
  if (!sampleRows?.length) return undefined;
  let total = 0;
  for (const s of scenarios) {
    const each = secondsPerRun(sampleRows, s.id);
    if (each === undefined) return undefined;
    total += s.params.reduce((n, p) => n + runsFor(s.id, p, runs), 0) * each;
  }
  return total;
}

/** `about 3 min` / `about 40 s`. */
export function formatDuration(seconds: number): string {
  return seconds < 90 ? `about ${Math.round(seconds / 5) * 5 || 5} s` : `about ${Math.round(seconds / 60)} min`;
}
