// Each replica's own counters, read from its direct URL (bypassing nginx, so
// these reads never show up as client traffic or move anyone). Used by
// `lab status` and the dashboard.
import type { StatsBody } from '../../../../libs/cart';
import { httpJson } from '../util/http';

export type ReplicaStats = Pick<StatsBody, 'sessions' | 'requests_served' | 'rss_bytes' | 'uptime_s'>;

interface StatsTarget {
  state: string;
  url: string;
}

// A paused replica accepts the connection and never answers: keep callers snappy.
const TIMEOUT_MS = 1_000;

/** Stats of a running replica, or null when it does not answer in time or not with stats. */
export async function fetchStats(replica: StatsTarget, timeoutMs = TIMEOUT_MS): Promise<ReplicaStats | null> {
  if (replica.state !== 'running') return null; // a paused one would only time out
  const { status, body } = await httpJson(`${replica.url.replace(/\/+$/, '')}/stats`, timeoutMs);
  const stats = (body ?? {}) as Partial<StatsBody>;
  if (status !== 200 || typeof stats.requests_served !== 'number') return null;
  return {
    sessions: typeof stats.sessions === 'number' ? stats.sessions : null,
    requests_served: stats.requests_served,
    rss_bytes: stats.rss_bytes ?? 0,
    uptime_s: stats.uptime_s ?? 0,
  };
}

/** The replicas with `stats` added (null when the replica cannot say). */
export async function withStats<R extends StatsTarget>(replicas: R[]): Promise<Array<R & { stats: ReplicaStats | null }>> {
  return Promise.all(replicas.map(async (r) => ({ ...r, stats: await fetchStats(r) })));
}
