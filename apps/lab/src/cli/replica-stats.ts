import type { ReplicaInfo } from '../topology/topology';

/** What a replica says about itself (`GET /stats`, straight to it, bypassing nginx). */
export interface ReplicaStats {
  /** Sessions held in its memory; null with the redis store. */
  sessions: number | null;
  requests_served: number;
}

// A paused replica accepts the connection and never answers: keep `status` snappy.
const STATS_TIMEOUT_MS = 1_000;

async function statsOf(replica: ReplicaInfo): Promise<ReplicaStats | null> {
  if (replica.state !== 'running') return null;
  try {
    const res = await fetch(`${replica.url}/stats`, { signal: AbortSignal.timeout(STATS_TIMEOUT_MS) });
    if (!res.ok) return null;
    const body = (await res.json()) as Partial<ReplicaStats>;
    return { sessions: body.sessions ?? null, requests_served: body.requests_served ?? 0 };
  } catch {
    return null;
  }
}

/** The replicas with `stats` added (null when the replica cannot say). */
export async function withStats(replicas: ReplicaInfo[]): Promise<Array<ReplicaInfo & { stats: ReplicaStats | null }>> {
  return Promise.all(replicas.map(async (r) => ({ ...r, stats: await statsOf(r) })));
}
