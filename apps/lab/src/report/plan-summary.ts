// The counts every doc states about `lab report` — scenarios, cells, runs,
// ids, how long — computed in one place from the registry and the committed
// sample, so the README, docs/scenarios.md and `lab help report` cannot drift.
import { SCENARIOS } from '../scenarios';
import { DEFAULT_RUNS } from '../scenarios/plan';
import type { MatrixRow } from '../scenarios/types';
import { estimateSeconds, formatDuration } from './estimate';
import { plannedRuns, selectScenarios } from './run';

export interface SetSummary {
  scenarios: number;
  cells: number;
  runs: number;
  /** From the sample's timings; undefined without a sample. */
  seconds?: number;
}

export interface PlanSummary {
  teaching: SetSummary;
  all: SetSummary;
  ids: string[];
}

export function planSummary(sampleRows: readonly MatrixRow[] | undefined, runs = DEFAULT_RUNS): PlanSummary {
  const of = (all: boolean): SetSummary => {
    const list = selectScenarios({ all });
    const planned = plannedRuns(list, runs);
    const seconds = estimateSeconds(list, sampleRows, runs);
    return { scenarios: list.length, cells: planned.cells, runs: planned.runs, ...(seconds === undefined ? {} : { seconds }) };
  };
  return { teaching: of(false), all: of(true), ids: SCENARIOS.map((s) => s.id) };
}

/** `24 cells of 7 scenarios (30 topology runs, about 3 min)`. */
export function describeSet(s: SetSummary): string {
  const time = s.seconds === undefined ? '' : `, ${formatDuration(s.seconds)}`;
  return `${s.cells} cells of ${s.scenarios} scenarios (${s.runs} topology runs${time})`;
}

/** The sentence the README and docs/scenarios.md carry between their `report-counts` markers. */
export function countsText(p: PlanSummary, measuredMs?: number): string {
  const measured = measuredMs === undefined ? '' : ` The committed sample (the default set) took ${Math.round(measuredMs / 1000)} s.`;
  return (
    `\`lab report\` runs the teaching set: ${describeSet(p.teaching)}; \`lab report --all\` runs the full grid: ${describeSet(p.all)}.` +
    ` A random cell runs ${DEFAULT_RUNS} times (\`--runs N\`), a deterministic one once; times are estimated from the committed sample's seconds per run.${measured}`
  );
}
