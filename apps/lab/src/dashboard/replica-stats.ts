// Each replica's own counters, read from its direct URL (bypassing nginx, so
// the dashboard's reads never show up as client traffic or move anyone).
import type { ReplicaInfo } from '../topology/topology';

export interface ReplicaStats {
  /** Sessions held in process memory; null with the redis store. */
  sessions: number | null;
  requests_served: number;
  rss_bytes: number;
  uptime_s: number;
}

const TIMEOUT_MS = 800;

/** Stats of a running replica, or null when it does not answer in time. */
export async function fetchStats(replica: ReplicaInfo, timeoutMs = TIMEOUT_MS): Promise<ReplicaStats | null> {
  if (replica.state !== 'running') return null; // a paused one would only time out
  try {
    const res = await fetch(`${replica.url.replace(/\/+$/, '')}/stats`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return null;
    const body = (await res.json()) as Partial<ReplicaStats>;
    if (typeof body.requests_served !== 'number') return null;
    return {
      sessions: typeof body.sessions === 'number' ? body.sessions : null,
      requests_served: body.requests_served,
      rss_bytes: body.rss_bytes ?? 0,
      uptime_s: body.uptime_s ?? 0,
    };
  } catch {
    return null;
  }
}
