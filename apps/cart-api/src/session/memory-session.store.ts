import { SessionData, Store } from 'express-session';

interface Entry {
  /** The session as JSON: one string is far smaller than a live object graph. */
  json: string;
  expiresAt: number;
}

type Cb<T = unknown> = (err?: unknown, value?: T) => void;

export interface MemorySessionStoreOptions {
  ttlSeconds: number;
  /** Called with the id of every session that expires or is destroyed (its cart goes too). */
  onGone?: (sid: string) => void;
  now?: () => number;
}

/**
 * express-session's bundled MemoryStore never prunes expired sessions and
 * leaks; this one expires entries on read and sweeps them on an unref()'d
 * timer, so memory returns once sessions go idle.
 */
export class MemorySessionStore extends Store {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly onGone?: (sid: string) => void;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;

  constructor(opts: MemorySessionStoreOptions) {
    super();
    this.ttlMs = opts.ttlSeconds * 1000;
    this.onGone = opts.onGone;
    this.now = opts.now ?? Date.now;
    const every = Math.max(1000, Math.min(this.ttlMs, 60_000));
    this.timer = setInterval(() => this.prune(), every);
    this.timer.unref();
  }

  /** Live sessions held in this process. */
  get size(): number {
    return this.entries.size;
  }

  private expiry(sess: SessionData): number {
    const expires = sess.cookie?.expires;
    const at = expires ? new Date(expires).getTime() : NaN;
    return Number.isFinite(at) ? at : this.now() + this.ttlMs;
  }

  private drop(sid: string): void {
    if (this.entries.delete(sid)) this.onGone?.(sid);
  }

  private live(sid: string): Entry | undefined {
    const entry = this.entries.get(sid);
    if (entry && entry.expiresAt <= this.now()) {
      this.drop(sid);
      return undefined;
    }
    return entry;
  }

  /** Removes every expired session; returns how many went. */
  prune(): number {
    const now = this.now();
    let gone = 0;
    for (const [sid, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.drop(sid);
        gone++;
      }
    }
    return gone;
  }

  /**
   * Answers on the next turn of the event loop, like express-session's own
   * MemoryStore and like any store with I/O: requests of one session then
   * overlap between load and save, as they do in production.
   */
  override get(sid: string, cb: Cb<SessionData | null>): void {
    const entry = this.live(sid);
    setImmediate(cb, null, entry ? (JSON.parse(entry.json) as SessionData) : null);
  }

  override set(sid: string, sess: SessionData, cb?: Cb): void {
    this.entries.set(sid, { json: JSON.stringify(sess), expiresAt: this.expiry(sess) });
    cb?.(null);
  }

  override touch(sid: string, sess: SessionData, cb?: Cb): void {
    const entry = this.live(sid);
    if (entry) entry.expiresAt = this.expiry(sess);
    cb?.(null);
  }

  override destroy(sid: string, cb?: Cb): void {
    this.drop(sid);
    cb?.(null);
  }

  override length(cb: Cb<number>): void {
    this.prune();
    cb(null, this.entries.size);
  }

  override all(cb: Cb<SessionData[]>): void {
    this.prune();
    cb(
      null,
      [...this.entries.values()].map((e) => JSON.parse(e.json) as SessionData),
    );
  }

  override clear(cb?: Cb): void {
    for (const sid of [...this.entries.keys()]) this.drop(sid);
    cb?.(null);
  }

  close(): void {
    clearInterval(this.timer);
  }
}
