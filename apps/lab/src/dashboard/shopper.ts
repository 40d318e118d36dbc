// One simulated user of the dashboard's client grid: shops a little on every
// step and notices when a cart it was acknowledged disappears.
import { ackedItemsLost } from '../client/checkers';
import type { HistoryEntry } from '../client/history';
import type { Reply } from '../client/lab-client';
import type { Cart } from '../client/types';

/** The part of LabClient a shopper uses (a LabClient in the lab). */
export interface ShopClient {
  readonly name: string;
  readonly sourceAddress?: string;
  getCart(): Promise<Reply<Cart>>;
  addItem(sku: string, qty?: number): Promise<Reply<Cart>>;
  clearCart(): Promise<Reply<Cart>>;
  close(): void;
}

export interface Tile {
  name: string;
  address: string;
  /** Replica of the last answer, null before the first one. */
  replica: string | null;
  /** Items in the last cart seen. */
  items: number;
  /** A cart loss happened recently enough to show it. */
  lost: boolean;
  lostCount: number;
  moves: number;
  failed: number;
  lastError: string | null;
}

/** Carts stay small so a lab that runs for hours keeps bounded sessions. */
export const MAX_ITEMS = 6;
/** Bound on the replayed history (a long outage with no cart to compare). */
const MAX_REPLAY = 200;
/** How long a tile stays red after its cart was lost. */
export const LOST_SHOWN_MS = 15_000;

export class Shopper {
  private sinceBaseline: HistoryEntry[] = [];
  private replica: string | null = null;
  private items = 0;
  private lostAt = -Infinity;
  private lostCount = 0;
  private moves = 0;
  private failed = 0;
  private lastError: string | null = null;

  constructor(
    private readonly client: ShopClient,
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {}

  get name(): string {
    return this.client.name;
  }

  /** One request: clear a full cart, else mostly add, sometimes just look. */
  async step(skus: readonly string[]): Promise<void> {
    let reply: Reply<Cart>;
    if (this.items >= MAX_ITEMS) reply = await this.client.clearCart();
    else if (skus.length > 0 && this.random() < 0.7) reply = await this.client.addItem(skus[Math.floor(this.random() * skus.length)], 1);
    else reply = await this.client.getCart();
    this.absorb(reply);
  }

  private absorb(reply: Reply<Cart>): void {
    if (this.sinceBaseline.length >= MAX_REPLAY) this.sinceBaseline = [];
    this.sinceBaseline.push(reply.entry);
    if (reply.servedBy) {
      if (this.replica !== null && reply.servedBy !== this.replica) this.moves += 1;
      this.replica = reply.servedBy;
    }
    if (!reply.ok) {
      this.failed += 1;
      this.lastError = reply.error ?? `HTTP ${reply.status}`;
      return;
    }
    this.lastError = null;
    if (reply.body && Array.isArray(reply.body.items)) this.items = reply.body.item_count;
    // The checker replays this client's writes since the last baseline and
    // compares them with the cart just seen; then the seen cart is the new
    // baseline, so one loss is counted once.
    if (ackedItemsLost(this.sinceBaseline).valid === false) {
      this.lostCount += 1;
      this.lostAt = this.now();
      this.sinceBaseline = [];
    } else if (reply.entry.op === 'clearCart') {
      this.sinceBaseline = [];
    }
  }

  tile(): Tile {
    return {
      name: this.client.name,
      address: this.client.sourceAddress ?? '127.0.0.1',
      replica: this.replica,
      items: this.items,
      lost: this.now() - this.lostAt < LOST_SHOWN_MS,
      lostCount: this.lostCount,
      moves: this.moves,
      failed: this.failed,
      lastError: this.lastError,
    };
  }

  close(): void {
    this.client.close();
  }
}
