// A Jepsen-style record of every operation the lab's clients performed.
// `ok` = acknowledged (2xx); `fail` = certainly had no effect; `unknown` =
// may or may not have happened (the checkers must allow both).

export type Outcome = 'ok' | 'fail' | 'unknown';

export interface CartLine {
  sku: string;
  name?: string;
  qty: number;
  unit_price_cents?: number;
  line_total_cents?: number;
}

export interface CartSeen {
  items: CartLine[];
  item_count: number;
}

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
  /** The request was sent again once after a reused keep-alive socket was reset before any response. */
  retried?: boolean;
  startedAt: number;
  endedAt: number;
}

export type HistoryLike = History | readonly HistoryEntry[];

export class History {
  readonly entries: HistoryEntry[] = [];

  record(entry: HistoryEntry): void {
    this.entries.push(entry);
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

  /** Entries from index `from` on: the part of a shared history after a fault. */
  since(from: number): HistoryEntry[] {
    return this.entries.slice(from);
  }

  toJSON(): HistoryEntry[] {
    return this.entries;
  }
}

export function entriesOf(h: HistoryLike): readonly HistoryEntry[] {
  return h instanceof History ? h.entries : h;
}
