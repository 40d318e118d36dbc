// Which balancers this machine can measure. nginx is the lab's own; HAProxy is
// optional: without it its cases read "not measured: haproxy not found" and
// every nginx case still runs (a missing binary must not fail a whole group).
import { findBinary } from '../util/find-binary';
import type { BalancerEngine } from '../vocabulary';
import type { Group } from './options';

/** Why each balancer that cannot be measured here cannot. */
export type Unavailable = Partial<Record<BalancerEngine, string>>;

/** A case the run planned but could not measure, and why: a row of its own in the report. */
export interface NotMeasured {
  id: string;
  group: Group;
  label: string;
  reason: string;
}

export function unavailableEngines(find: (binary: string) => string | null = findBinary): Unavailable {
  return find('haproxy') ? {} : { haproxy: 'haproxy not found' };
}

/** Splits planned cases into those to measure and those that read "not measured", keeping order. */
export function selectCases<C extends { engine?: BalancerEngine; row: Omit<NotMeasured, 'reason'> }>(
  cases: readonly C[],
  unavailable: Unavailable,
): { run: C[]; skipped: NotMeasured[] } {
  const run: C[] = [];
  const skipped: NotMeasured[] = [];
  for (const c of cases) {
    const reason = c.engine === undefined ? undefined : unavailable[c.engine];
    if (reason === undefined) run.push(c);
    else skipped.push({ ...c.row, reason });
  }
  return { run, skipped };
}
