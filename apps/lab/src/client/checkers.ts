// Properties of a recorded history, reused by scenarios, the probe and the CLI.
import { entriesOf, History, HistoryEntry, HistoryLike } from './history';

export interface LostItem {
  client: string;
  sku: string;
  /** Quantity the client was acknowledged to hold. */
  expectedQty: number;
  /** Quantity in the last cart the client saw (0 when absent). */
  seenQty: number;
  /** Replica that served that last cart. */
  servedBy?: string;
}

const WRITE_OPS = new Set(['addItem', 'setQty', 'removeItem', 'clearCart']);

interface Expectation {
  qty: Map<string, number>;
  /** SKUs touched by an `unknown` write: either answer is allowed for them. */
  uncertain: Set<string>;
  everythingUncertain: boolean;
}

function applyWrite(exp: Expectation, e: HistoryEntry): void {
  const body = (e.body ?? {}) as { sku?: string; qty?: number };
  const sku = e.op === 'clearCart' ? undefined : (body.sku ?? decodeURIComponent(e.path.split('/').pop() ?? ''));
  if (e.outcome === 'unknown') {
    if (sku === undefined) exp.everythingUncertain = true;
    else exp.uncertain.add(sku);
    return;
  }
  if (e.outcome !== 'ok') return;
  if (e.op === 'clearCart') exp.qty.clear();
  else if (e.op === 'removeItem') exp.qty.delete(sku!);
  else if (e.op === 'setQty') exp.qty.set(sku!, body.qty ?? 0);
  else exp.qty.set(sku!, (exp.qty.get(sku!) ?? 0) + (body.qty ?? 1));
}

function lostFor(client: string, entries: HistoryEntry[]): LostItem[] {
  const exp: Expectation = { qty: new Map(), uncertain: new Set(), everythingUncertain: false };
  let last: HistoryEntry | undefined;
  for (const e of entries) {
    if (WRITE_OPS.has(e.op)) applyWrite(exp, e);
    if (e.outcome === 'ok' && e.cart) last = e;
  }
  if (!last || exp.everythingUncertain) return [];
  const lost: LostItem[] = [];
  for (const [sku, expectedQty] of exp.qty) {
    if (expectedQty <= 0 || exp.uncertain.has(sku)) continue;
    const seenQty = last.cart!.items.find((i) => i.sku === sku)?.qty ?? 0;
    if (seenQty < expectedQty) lost.push({ client, sku, expectedQty, seenQty, servedBy: last.servedBy });
  }
  return lost;
}

/**
 * Acknowledged cart items missing from the last cart each client saw.
 * Empty means "no acknowledged item lost". Writes with an unknown outcome
 * make their SKU uncertain rather than expected.
 */
export function ackedItemsLost(history: HistoryLike): LostItem[] {
  const byClient = groupByClient(entriesOf(history));
  return [...byClient].flatMap(([client, entries]) => lostFor(client, entries));
}

/** Distinct replicas that answered `client`, in order of first appearance. */
export function replicasSeenBy(history: HistoryLike, client: string): string[] {
  return [...new Set(servedBySequence(history, client))];
}

/** `served_by` of every answered request of `client`, in order. */
export function servedBySequence(history: HistoryLike, client: string): string[] {
  return entriesOf(history)
    .filter((e) => e.client === client && e.servedBy)
    .map((e) => e.servedBy!);
}

/** The replica that last answered each client. */
export function lastReplicaByClient(history: HistoryLike): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entriesOf(history)) if (e.servedBy) out[e.client] = e.servedBy;
  return out;
}

export interface Move {
  client: string;
  from: string;
  to: string;
}

type Placement = HistoryLike | Record<string, string>;

function placementOf(p: Placement): Record<string, string> {
  return Array.isArray(p) || p instanceof History ? lastReplicaByClient(p as HistoryLike) : (p as Record<string, string>);
}

/**
 * Clients whose replica changed between two observations (histories or
 * client → replica maps). Clients absent from either side are not counted.
 */
export function clientsMoved(before: Placement, after: Placement): Move[] {
  const a = placementOf(before);
  const b = placementOf(after);
  return Object.keys(a)
    .filter((c) => b[c] !== undefined && b[c] !== a[c])
    .map((c) => ({ client: c, from: a[c], to: b[c] }));
}

function groupByClient(entries: readonly HistoryEntry[]): Map<string, HistoryEntry[]> {
  const out = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    const list = out.get(e.client) ?? [];
    list.push(e);
    out.set(e.client, list);
  }
  return out;
}
