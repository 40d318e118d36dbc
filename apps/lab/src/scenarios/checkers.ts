// Checkers the scenarios need beyond the lab client's own (ackedItemsLost,
// clientsMoved, replicasSeenBy): load, flicker, failures, latency.
import { entriesOf, HistoryEntry, HistoryLike } from '../client/history';

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
  return entriesOf(history).reduce((m, e) => Math.max(m, e.endedAt - e.startedAt), 0);
}

export interface StaleReads {
  /** Successful cart reads that missed an item the same client had been acknowledged. */
  stale: number;
  reads: number;
  clients: string[];
}

/**
 * The "flicker" of a cart without affinity: a read that does not show an
 * item an earlier 2xx add acknowledged. Adds with an unknown outcome are
 * neither expected nor held against the read.
 */
export function staleReads(history: HistoryLike): StaleReads {
  const acked = new Map<string, Map<string, number>>();
  const clients = new Set<string>();
  let stale = 0;
  let reads = 0;
  for (const e of entriesOf(history)) {
    const mine = acked.get(e.client) ?? new Map<string, number>();
    acked.set(e.client, mine);
    if (e.op === 'addItem' && e.outcome === 'ok') {
      const { sku, qty = 1 } = e.body as { sku: string; qty?: number };
      mine.set(sku, (mine.get(sku) ?? 0) + qty);
    } else if (e.op === 'getCart' && e.outcome === 'ok' && e.cart) {
      reads++;
      const have = new Map(e.cart.items.map((l) => [l.sku, l.qty]));
      if ([...mine].some(([sku, qty]) => (have.get(sku) ?? 0) < qty)) {
        stale++;
        clients.add(e.client);
      }
    }
  }
  return { stale, reads, clients: [...clients] };
}

/** Replicas that served a given path (any client), e.g. every `GET /cart`. */
export function replicasServing(history: HistoryLike, method: string, path: string): string[] {
  const e: Entries = entriesOf(history);
  return [...new Set(e.filter((x) => x.method === method && x.path === path && x.servedBy).map((x) => x.servedBy!))];
}

export const pct = (part: number, whole: number): number => (whole === 0 ? 0 : (100 * part) / whole);
