// After a kill: how long the killed replica's clients waited for a live
// replica, how many replicas they saw over their next requests, and whether
// the balancer handed them a new route cookie. Pure over the history.
import { entriesOf, type FaultEntry, type HistoryLike } from '../client/history';
import { median } from '../util/stats';
import type { RowRepin } from './trust';

/** Requests per client the replica count is taken over. */
export const REPIN_WINDOW = 10;

export interface RepinInput {
  history: HistoryLike;
  kill: FaultEntry;
  /** The killed replica's clients (by its placement before the kill). */
  victims: readonly string[];
  /** Each client's route cookie before the kill and after its requests. */
  cookies?: { before: Record<string, string | undefined>; after: Record<string, string | undefined> };
}

export function measureRepin({ history, kill, victims, cookies }: RepinInput): RowRepin {
  const requests = entriesOf(history)
    .filter((r) => r.startedAt >= kill.endedAt)
    .sort((a, b) => a.startedAt - b.startedAt);
  const waits: number[] = [];
  const seen: number[] = [];
  for (const client of victims) {
    const mine = requests.filter((r) => r.client === client).slice(0, REPIN_WINDOW);
    const first = mine.find((r) => r.outcome === 'ok' && r.servedBy && r.servedBy !== kill.target);
    if (first) waits.push(first.endedAt - kill.endedAt);
    const replicas = new Set(mine.filter((r) => r.outcome === 'ok' && r.servedBy).map((r) => r.servedBy));
    if (replicas.size) seen.push(replicas.size);
  }
  const fresh = !!cookies && victims.some((c) => cookies.after[c] !== undefined && cookies.after[c] !== cookies.before[c]);
  return {
    first_answer_ms: waits.length ? Math.round(median(waits)) : 'unknown',
    replicas_seen: seen.length ? median(seen) : 'unknown',
    fresh_route_cookie: fresh,
  };
}
