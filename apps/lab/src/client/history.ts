// A Jepsen-style record of everything that happened in a run: the clients'
// requests and the faults the nemesis injected, in one history.
// `ok` = acknowledged (2xx) / done; `fail` = certainly had no effect;
// `unknown` = may or may not have happened (the checkers must allow both).

import type { CartItemBody } from '../../../../libs/cart';

export type Outcome = 'ok' | 'fail' | 'unknown';

/** A cart line as a checker needs it: sku and qty; the rest of cart-api's line when the reply had it. */
export type CartLine = Pick<CartItemBody, 'sku' | 'qty'> & Partial<CartItemBody>;

export interface CartSeen {
  items: CartLine[];
  item_count: number;
}

/** One client request. */
export interface HistoryEntry {
  client: string;
  /** Logical operation: `root`, `getCart`, `addItem`, … or `request`. */
  op: string;
  method: string;
  path: string;
  /** Body sent, for writes (sku/qty), so checkers can replay them. */
  body?: unknown;
  status?: number;
  servedBy?: string;
  cart?: CartSeen;
  outcome: Outcome;
  error?: string;
  /** The service's `X-Session-Status` (`expired-or-lost`: the session the client presented no longer exists). */
  sessionStatus?: string;
  /** The request was sent again once after a reused keep-alive socket was reset before any response. */
  retried?: boolean;
  startedAt: number;
  endedAt: number;
}

export const FAULT_KINDS = [
  'kill',
  'stop',
  'pause',
  'resume',
  'start',
  'add-replica',
  'remove-replica',
  'scale',
  // Out of traffic entirely (markDown), and back: not a drain.
  'mark-down',
  'mark-up',
  // The soft drain (Topology.drain): bound clients stay, new ones go elsewhere.
  'drain',
  'undrain',
  'redis-pause',
  'redis-resume',
  'redis-restart',
  'redis-kill',
  'balancer-restart',
  'balancer-reload',
  'balancer-kill',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** One fault the nemesis injected (or healed), with when it ran and how it ended. */
export interface FaultEntry {
  type: 'fault';
  fault: FaultKind;
  /** Replica name, `redis`, or the balancer (`nginx`, `haproxy`, a second instance's name). */
  target: string;
  /** What the fault produced, e.g. the name of an added replica or the new replica count. */
  value?: string | number;
  outcome: Outcome;
  error?: string;
  startedAt: number;
  endedAt: number;
}

export type Operation = HistoryEntry | FaultEntry;
export type HistoryLike = History | readonly Operation[];

export function isFault(op: Operation): op is FaultEntry {
  return (op as FaultEntry).type === 'fault';
}

/**
 * Wall-clock milliseconds with sub-millisecond resolution from the monotonic
 * clock, so a request sent right after a fault ends orders after it even
 * within the same millisecond.
 */
export function now(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000) / 1000;
}

export class History {
  /** Every operation, in the order it completed. */
  readonly ops: Operation[] = [];
  /** The clients' requests only (most checkers read these). */
  readonly entries: HistoryEntry[] = [];

  record(op: Operation): void {
    this.ops.push(op);
    if (!isFault(op)) this.entries.push(op);
  }

  forClient(client: string): HistoryEntry[] {
    return this.entries.filter((e) => e.client === client);
  }

  clients(): string[] {
    return [...new Set(this.entries.map((e) => e.client))];
  }

  count(outcome: Outcome): number {
    return this.entries.filter((e) => e.outcome === outcome).length;
  }

  faults(): FaultEntry[] {
    return faultsOf(this);
  }

  toJSON(): Operation[] {
    return this.ops;
  }
}

/** The requests of a history (fault operations left out). */
export function entriesOf(h: HistoryLike): readonly HistoryEntry[] {
  return h instanceof History ? h.entries : h.filter((op): op is HistoryEntry => !isFault(op));
}

export function faultsOf(h: HistoryLike): FaultEntry[] {
  return (h instanceof History ? h.ops : h).filter(isFault);
}

export interface Window {
  /** Requests sent at or after this time (e.g. a fault's `endedAt`). */
  from?: number;
  /** Requests sent before this time (e.g. the next fault's `startedAt`). */
  to?: number;
}

/** Requests sent inside a window, faults that started inside it, in completion order. */
export function within(h: HistoryLike, w: Window): Operation[] {
  const inside = (t: number) => (w.from === undefined || t >= w.from) && (w.to === undefined || t < w.to);
  return (h instanceof History ? h.ops : h).filter((op) => inside(op.startedAt));
}

/** Everything that started after `fault` ended: its aftermath, fault included for the checkers' sake. */
export function after(h: HistoryLike, fault: FaultEntry | undefined): Operation[] {
  if (!fault) throw new Error('after(): no such fault in the history');
  return [fault, ...within(h, { from: fault.endedAt }).filter((op) => op !== fault)];
}
