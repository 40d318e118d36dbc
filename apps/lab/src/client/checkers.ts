// Properties of a recorded history, reused by scenarios, the probe, the CLI
// and the dashboard. Checkers answer true / false / unknown (see verdict.ts);
// the plain queries below them list what the history shows.
import { CartSeen, entriesOf, faultsOf, History, HistoryEntry, HistoryLike } from './history';
import { mergeValid, nameList, Valid, Verdict } from './verdict';

export interface LostItem {
  client: string;
  sku: string;
  /** Quantity the client was acknowledged to hold. */
  expectedQty: number;
  /** Quantity in the final cart the client saw (0 when absent). */
  seenQty: number;
  /** Replica that served that final cart. */
  servedBy?: string;
}

export interface LostCheck extends Verdict {
  lost: LostItem[];
  /** Clients with no successful cart read late enough to judge them. */
  unread: string[];
  /** Clients judged (read after `readAfter`). */
  judged: string[];
}

export interface LostOptions {
  /**
   * Only a cart seen by a request sent at or after this time counts as the
   * final read. Default: the end of the last fault in the history, so a
   * read from before a fault never vouches for the cart after it.
   */
  readAfter?: number;
}

const WRITE_OPS = new Set(['addItem', 'setQty', 'removeItem', 'clearCart']);

/**
 * What one client was acknowledged to hold, replayed from its writes in
 * order. SKUs touched by an `unknown` write may be there or not: neither is
 * held against a read.
 */
export class AckedCart {
  private readonly qty = new Map<string, number>();
  private readonly uncertain = new Set<string>();
  private everythingUncertain = false;

  /** Replays one request; reads and failed writes change nothing. */
  apply(e: HistoryEntry): void {
    if (!WRITE_OPS.has(e.op) || e.outcome === 'fail') return;
    const body = (e.body ?? {}) as { sku?: string; qty?: number };
    const sku = e.op === 'clearCart' ? undefined : (body.sku ?? decodeURIComponent(e.path.split('/').pop() ?? ''));
    if (e.outcome === 'unknown') {
      if (sku === undefined) this.everythingUncertain = true;
      else this.uncertain.add(sku);
    } else if (sku === undefined) this.qty.clear();
    else if (e.op === 'removeItem') this.qty.delete(sku);
    else if (e.op === 'setQty') this.qty.set(sku, body.qty ?? 0);
    else this.qty.set(sku, (this.qty.get(sku) ?? 0) + (body.qty ?? 1));
  }

  /** Acknowledged items `cart` shows fewer of than expected. */
  missing(cart: CartSeen): { sku: string; expectedQty: number; seenQty: number }[] {
    if (this.everythingUncertain) return [];
    const out = [];
    for (const [sku, expectedQty] of this.qty) {
      if (expectedQty <= 0 || this.uncertain.has(sku)) continue;
      const seenQty = cart.items.find((i) => i.sku === sku)?.qty ?? 0;
      if (seenQty < expectedQty) out.push({ sku, expectedQty, seenQty });
    }
    return out;
  }
}

/** The client's lost items, or null when no read late enough shows its cart. */
function lostFor(client: string, entries: HistoryEntry[], readAfter: number): LostItem[] | null {
  const acked = new AckedCart();
  let last: HistoryEntry | undefined;
  for (const e of entries) {
    acked.apply(e);
    if (e.outcome === 'ok' && e.cart) last = e;
  }
  if (!last || last.startedAt < readAfter) return null;
  return acked.missing(last.cart!).map((m) => ({ client, ...m, servedBy: last.servedBy }));
}

/**
 * Property: every acknowledged cart item is in the client's final cart.
 * false: some client's final cart misses an item it was acknowledged;
 * unknown: no such loss, but some client (or every client) had no
 * successful read after the last fault — nothing vouches for its cart.
 * Writes with an unknown outcome make their SKU uncertain rather than expected.
 */
export function ackedItemsLost(history: HistoryLike, opts: LostOptions = {}): LostCheck {
  const readAfter = opts.readAfter ?? Math.max(-Infinity, ...faultsOf(history).map((f) => f.endedAt));
  const lost: LostItem[] = [];
  const unread: string[] = [];
  const judged: string[] = [];
  const verdicts: Valid[] = [];
  for (const [client, entries] of groupByClient(entriesOf(history))) {
    const mine = lostFor(client, entries, readAfter);
    if (mine === null) unread.push(client);
    else judged.push(client);
    if (mine) lost.push(...mine);
    verdicts.push(mine === null ? 'unknown' : mine.length === 0);
  }
  return { valid: mergeValid(verdicts), reason: lostReason(lost, unread, judged), lost, unread, judged };
}

function lostReason(lost: LostItem[], unread: string[], judged: string[]): string {
  const losers = [...new Set(lost.map((l) => l.client))];
  const parts: string[] = [];
  if (losers.length) parts.push(`${losers.length} of ${judged.length} clients read lost an acknowledged item (${nameList(losers)})`);
  if (unread.length) parts.push(`${unread.length} clients had no successful cart read after the last fault (${nameList(unread)})`);
  if (!parts.length) parts.push(judged.length ? `every acknowledged item of ${judged.length} clients was in their final cart` : 'no client in the history');
  return parts.join('; ');
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
 * client → replica maps). A plain list: clients absent from either side are
 * left out; `clientsStayed` says whether that leaves the answer unknown.
 */
export function clientsMoved(before: Placement, after: Placement): Move[] {
  const a = placementOf(before);
  const b = placementOf(after);
  return Object.keys(a)
    .filter((c) => b[c] !== undefined && b[c] !== a[c])
    .map((c) => ({ client: c, from: a[c], to: b[c] }));
}

export interface StayCheck extends Verdict {
  moves: Move[];
  /** Clients placed before but never answered after: where they went is unknown. */
  unplaced: string[];
}

/**
 * Property: every client is served by the same replica after as before.
 * false: some moved (listed); unknown: none moved, but some client (or every
 * client) got no answer afterwards, so it may have.
 */
export function clientsStayed(before: Placement, after: Placement): StayCheck {
  const a = placementOf(before);
  const b = placementOf(after);
  const moves = clientsMoved(a, b);
  const unplaced = Object.keys(a).filter((c) => b[c] === undefined);
  const verdicts = Object.keys(a).map((c): Valid => (b[c] === undefined ? 'unknown' : b[c] === a[c]));
  const parts: string[] = [];
  if (moves.length) parts.push(`${moves.length} of ${Object.keys(a).length} clients moved (${nameList(moves.map((m) => m.client))})`);
  if (unplaced.length) parts.push(`${unplaced.length} clients got no answer afterwards (${nameList(unplaced)})`);
  if (!parts.length) parts.push(verdicts.length ? `all ${verdicts.length} clients stayed` : 'no client was placed before');
  return { valid: mergeValid(verdicts), reason: parts.join('; '), moves, unplaced };
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
