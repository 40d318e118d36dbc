// The dashboard's grid of simulated clients: each shops about once a second
// from its own loopback source address, until the dashboard closes.
import { natAddress, userAddress } from '../client/addresses';
import { History, HistoryEntry } from '../client/history';
import { LabClient } from '../client/lab-client';
import type { Product } from '../client/types';
import { Shopper, Tile } from './shopper';

export interface FleetOptions {
  /** nginx entry URL (loopback). */
  url: string;
  clients?: number;
  /** Mean pause between one client's requests. */
  intervalMs?: number;
  /** Sees every request the clients (and their catalog loads) made, e.g. the live timeline. */
  record?: (entry: HistoryEntry) => void;
}

export interface FleetSnapshot {
  running: boolean;
  /** Why the clients are not running when they cannot (else null). */
  note: string | null;
  sameNat: boolean;
  tiles: Tile[];
  counters: { cartsLost: number; clientsMoved: number; failedRequests: number };
}

export const DEFAULT_CLIENTS = 12;

export class Fleet {
  private shoppers: Shopper[] = [];
  private histories: History[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private skus: string[] = [];
  private generation = 0;
  /** Counts `start`s: fresh clients reuse the names c1…, so the recorder tells them apart. */
  private cohort = 0;
  private sameNat = false;
  private running = false;
  private readonly size: number;
  private readonly intervalMs: number;

  constructor(private readonly opts: FleetOptions) {
    this.size = opts.clients ?? DEFAULT_CLIENTS;
    this.intervalMs = opts.intervalMs ?? 1000;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Fresh clients (counters from zero); switching NAT mode means new users. */
  start(sameNat = this.sameNat): void {
    this.close();
    if (!isLoopback(this.opts.url)) return; // probe traffic stays on this machine
    this.sameNat = sameNat;
    this.cohort += 1;
    const address = sameNat ? natAddress : userAddress;
    this.histories = Array.from({ length: this.size }, () => new History());
    this.shoppers = this.histories.map(
      (history, i) => new Shopper(new LabClient({ name: `c${i + 1}`, baseUrl: this.opts.url, sourceAddress: address(i), history, timeoutMs: 4000 })),
    );
    this.resume();
  }

  /** The same clients carry on (after pause), or fresh ones when there are none. */
  resume(): void {
    if (this.shoppers.length === 0) return this.start();
    this.pause();
    this.running = true;
    const generation = this.generation;
    this.shoppers.forEach((s, i) => this.schedule(generation, s, i, (this.intervalMs * i) / this.size));
  }

  /** Stops the requests but keeps tiles and counters on screen. */
  pause(): void {
    this.running = false;
    this.generation++;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  close(): void {
    this.pause();
    for (const s of this.shoppers) s.close();
  }

  snapshot(): FleetSnapshot {
    const tiles = this.shoppers.map((s) => s.tile());
    const sum = (f: (t: Tile) => number) => tiles.reduce((n, t) => n + f(t), 0);
    return {
      running: this.running,
      note: isLoopback(this.opts.url) ? null : `simulated clients only run against a loopback lab; ${this.opts.url} is not`,
      sameNat: this.sameNat,
      tiles,
      counters: { cartsLost: sum((t) => t.lostCount), clientsMoved: sum((t) => t.moves), failedRequests: sum((t) => t.failed) },
    };
  }

  private schedule(generation: number, shopper: Shopper, index: number, delayMs: number): void {
    const timer = setTimeout(async () => {
      this.timers.delete(timer);
      if (generation !== this.generation) return;
      const history = this.histories[index];
      const cohort = this.cohort;
      try {
        if (this.skus.length === 0) await this.loadSkus(index);
        await shopper.step(this.skus);
      } catch {
        // a step records its own failures; anything else must not stop the grid
      }
      this.hand(history?.entries.splice(0) ?? [], cohort); // the shopper keeps what it needs
      const jitter = 0.8 + Math.random() * 0.4;
      if (generation === this.generation) this.schedule(generation, shopper, index, this.intervalMs * jitter);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** Hands the requests to the recorder, a later cohort's `c1` as `c1·2`: a new user, not a lost cart. */
  private hand(entries: HistoryEntry[], cohort: number): void {
    if (!this.opts.record) return;
    for (const e of entries) this.opts.record(cohort > 1 ? { ...e, client: `${e.client}·${cohort}` } : e);
  }

  private async loadSkus(index: number): Promise<void> {
    const client = new LabClient({ name: `catalog-${index}`, baseUrl: this.opts.url, timeoutMs: 2000 });
    try {
      const reply = await client.products();
      const list = reply.ok && Array.isArray(reply.body) ? (reply.body as Product[]) : [];
      if (list.length > 0) this.skus = list.map((p) => p.sku);
    } finally {
      this.hand(client.history.entries.splice(0), 1);
      client.close();
    }
  }
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
