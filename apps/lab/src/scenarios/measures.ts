// What the scenarios measure beyond the lab client's checkers (ackedItemsLost,
// clientsStayed): the flicker checker (staleReads) and plain queries for
// load, failures and latency.
import { AckedCart } from '../client/checkers';
import { entriesOf, HistoryEntry, HistoryLike } from '../client/history';
import { nameList, type Verdict } from '../client/verdict';

type Entries = readonly HistoryEntry[];

/** Successful requests per replica, every named replica present (0 when it served nothing). */
export function requestsPerReplica(history: HistoryLike, replicas: readonly string[]): Map<string, number> {
  const counts = new Map(replicas.map((r) => [r, 0]));
  for (const e of entriesOf(history)) if (e.outcome === 'ok' && e.servedBy) counts.set(e.servedBy, (counts.get(e.servedBy) ?? 0) + 1);
  return counts;
}

/** Busiest replica's requests / mean per replica: 1 is even, N is all on one of N. */
export function loadSkew(history: HistoryLike, replicas: readonly string[]): number {
  const counts = [...requestsPerReplica(history, replicas).values()];
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  return Math.max(...counts) / (total / counts.length);
}

/** Requests that did not get a 2xx (failed for sure, or outcome unknown). */
export function failedRequests(history: HistoryLike): HistoryEntry[] {
  return entriesOf(history).filter((e) => e.outcome !== 'ok');
}

export function maxLatencyMs(history: HistoryLike): number {
  return Math.round(entriesOf(history).reduce((m, e) => Math.max(m, e.endedAt - e.startedAt), 0));
}

export interface StaleReads extends Verdict {
  /** Successful cart reads that missed an item the same client had been acknowledged. */
  stale: number;
  reads: number;
  clients: string[];
}

/**
 * Property: no successful cart read misses an item an earlier 2xx add of the
 * same client acknowledged (the "flicker" of a cart without affinity).
 * false: some read was stale; unknown: no cart read succeeded at all.
 * Adds with an unknown outcome are neither expected nor held against the read.
 */
export function staleReads(history: HistoryLike): StaleReads {
  const acked = new Map<string, AckedCart>();
  const clients = new Set<string>();
  let stale = 0;
  let reads = 0;
  for (const e of entriesOf(history)) {
    const mine = acked.get(e.client) ?? new AckedCart();
    acked.set(e.client, mine);
    if (e.op === 'getCart' && e.outcome === 'ok' && e.cart) {
      reads++;
      if (mine.missing(e.cart).length) {
        stale++;
        clients.add(e.client);
      }
    } else mine.apply(e);
  }
  const valid = reads === 0 ? 'unknown' : stale === 0;
  const reason =
    reads === 0 ? 'no cart read succeeded' : stale ? `${stale} of ${reads} cart reads missed an acknowledged item (${nameList([...clients])})` : `none of ${reads} cart reads was stale`;
  return { valid, reason, stale, reads, clients: [...clients] };
}

/** Replicas that served a given path (any client), e.g. every `GET /cart`. */
export function replicasServing(history: HistoryLike, method: string, path: string): string[] {
  const e: Entries = entriesOf(history);
  return [...new Set(e.filter((x) => x.method === method && x.path === path && x.servedBy).map((x) => x.servedBy!))];
}

export const pct = (part: number, whole: number): number => (whole === 0 ? 0 : (100 * part) / whole);
