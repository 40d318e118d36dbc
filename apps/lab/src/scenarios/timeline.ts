// A run's history as a compact timeline: per client, spans of consecutive
// requests answered by one replica with one outcome; the faults as
// instants. Data only (the report draws it); times are ms from the start.
import { AckedCart } from '../client/checkers';
import { entriesOf, faultsOf, FaultKind, HistoryEntry, HistoryLike, Outcome } from '../client/history';

/** `stale`: a 2xx whose cart misses an item the client was acknowledged (a lost cart, seen). */
export type Mark = 'ok' | 'stale' | 'fail' | 'unknown';

/** [start ms, end ms, index into `replicas` (-1: nobody answered), mark, requests merged]. */
export type Span = [number, number, number, Mark, number];

/** [start ms, end ms, fault, target, outcome]. */
export type FaultMark = [number, number, FaultKind, string, Outcome];

export interface Timeline {
  /** Epoch ms every time is relative to. */
  t0: number;
  durationMs: number;
  replicas: string[];
  /** One row per client, grouped by the replica that first answered it, then by name: [name, spans]. */
  clients: [string, Span[]][];
  faults: FaultMark[];
}

export interface TimelineOptions {
  /** Replicas known up front, so colours and order do not depend on who answered first. */
  replicas?: readonly string[];
}

export function timelineOf(history: HistoryLike, opts: TimelineOptions = {}): Timeline {
  const requests = entriesOf(history);
  const faults = faultsOf(history);
  const t0 = Math.min(...requests.map((e) => e.startedAt), ...faults.map((f) => f.startedAt));
  if (!Number.isFinite(t0)) return { t0: 0, durationMs: 0, replicas: [...(opts.replicas ?? [])], clients: [], faults: [] };
  const rel = (t: number) => Math.round(t - t0);
  const replicas = [...(opts.replicas ?? [])];
  const replicaIndex = (name?: string) => {
    if (!name) return -1;
    if (!replicas.includes(name)) replicas.push(name);
    return replicas.indexOf(name);
  };
  const rows = new Map<string, { acked: AckedCart; spans: Span[] }>();
  for (const e of [...requests].sort((a, b) => a.startedAt - b.startedAt)) {
    const row = rows.get(e.client) ?? { acked: new AckedCart(), spans: [] };
    rows.set(e.client, row);
    const mark = markOf(e, row.acked);
    row.acked.apply(e);
    append(row.spans, [rel(e.startedAt), rel(e.endedAt), replicaIndex(e.servedBy), mark, 1]);
  }
  const end = Math.max(...requests.map((e) => e.endedAt), ...faults.map((f) => f.endedAt));
  return {
    t0: Math.round(t0),
    durationMs: rel(end),
    replicas,
    clients: [...rows].map(([name, r]): [string, Span[]] => [name, r.spans]).sort(byFirstReplica),
    faults: faults.map((f): FaultMark => [rel(f.startedAt), rel(f.endedAt), f.fault, f.target, f.outcome]),
  };
}

/** Clients that started on one replica sit together, so a fault on it reads as one block. */
function byFirstReplica([a, as]: [string, Span[]], [b, bs]: [string, Span[]]): number {
  const first = (spans: Span[]) => spans.find((s) => s[2] >= 0)?.[2] ?? Infinity;
  return first(as) - first(bs) || a.localeCompare(b);
}

function markOf(e: HistoryEntry, acked: AckedCart): Mark {
  if (e.outcome !== 'ok') return e.outcome;
  return e.cart && acked.missing(e.cart).length ? 'stale' : 'ok';
}

/** Merges a request into the previous span when the replica and the mark are the same. */
function append(spans: Span[], s: Span): void {
  const prev = spans.at(-1);
  if (prev && prev[2] === s[2] && prev[3] === s[3]) {
    prev[1] = Math.max(prev[1], s[1]);
    prev[4] += 1;
  } else spans.push(s);
}
