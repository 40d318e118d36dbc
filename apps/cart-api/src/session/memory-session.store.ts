import { SessionData, Store } from 'express-session';

/*
 * A session is held as JSON strings, far smaller than a live object graph,
 * split so that what every session shares is held once: the cookie's options
 * (all but `expires`, which is `expiresAt`) are the same few strings for every
 * session, so they are interned. ~120 B a session instead of ~220 B: with V8's
 * heap headroom on top, that is what keeps a replica holding 100 000 sessions
 * within the lab's 2 KiB-per-session budget.
 */
interface Entry {
  /** The cookie as JSON without `expires`; interned. */
  cookie: string;
  /** The rest of the session as JSON. */
  data: string;
  expiresAt: number;
  /** The cookie had an `expires` (a session with no maxAge has none). */
  expires: boolean;
}

const INTERNED_MAX = 64;

/**
 * One copy of each distinct string, up to INTERNED_MAX of them, with the
 * object it parses to: every read returns a fresh copy of a session, and a
 * shallow copy of the parsed cookie (flat, primitives only) is cheaper than
 * parsing it again; the profile of GET /cart had unpack as the store's top cost.
 */
class Interner {
  private readonly strings = new Map<string, string>();
  // Never handed out, only copied: not frozen, as spreading a frozen object is V8's slow path.
  private readonly parsed = new Map<string, Record<string, unknown>>();
  get(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    if (this.strings.size < INTERNED_MAX) this.strings.set(value, value);
    return value;
  }

  /** A fresh copy of the flat JSON object `value`. */
  copyOf(value: string): Record<string, unknown> {
    const known = this.parsed.get(value);
    if (known !== undefined) return { ...known };
    const object = JSON.parse(value) as Record<string, unknown>;
    if (this.strings.get(value) === value) this.parsed.set(value, { ...object });
    return object;
  }
}

type Cb<T = unknown> = (err?: unknown, value?: T) => void;

/** A new session was refused because the store holds `maxSessions` already. */
export class SessionLimitError extends Error {
  constructor(
    readonly maxSessions: number,
    /** When some idle session will have expired at the latest. */
    readonly retryAfterSeconds: number,
  ) {
    super(`this replica holds its maximum of ${maxSessions} sessions`);
  }
}

export interface MemorySessionStoreOptions {
  ttlSeconds: number;
  /**
   * Most sessions held at once. Past it a NEW session is refused (existing
   * ones are never evicted: evicting the least recently used would let a
   * flood of cookie-less requests silently empty real shoppers' carts).
   */
  maxSessions?: number;
  /** Called with the id of every session that expires or is destroyed (its cart goes too). */
  onGone?: (sid: string) => void;
  now?: () => number;
}

const CAP_SWEEP_MS = 1000;

/**
 * express-session's bundled MemoryStore never prunes expired sessions and
 * leaks; this one expires entries on read and sweeps them on an unref()'d
 * timer, so memory returns once sessions go idle.
 */
export class MemorySessionStore extends Store {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly onGone?: (sid: string) => void;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;
  private readonly interner = new Interner();
  /** Store-clock time before which a full store refuses without sweeping again. */
  private capSweepAfter = -Infinity;
  /** Since boot, for /metrics: plain numbers, so the hot path pays no more than an increment. */
  readonly counts = { created: 0, expired: 0, refused: 0 };

  constructor(opts: MemorySessionStoreOptions) {
    super();
    this.ttlMs = opts.ttlSeconds * 1000;
    this.maxSessions = opts.maxSessions ?? Infinity;
    this.onGone = opts.onGone;
    this.now = opts.now ?? Date.now;
    const every = Math.max(1000, Math.min(this.ttlMs, 60_000));
    this.timer = setInterval(() => this.prune(), every);
    this.timer.unref();
  }

  /** Sessions held in this process (O(1); expired ones count until the next sweep). */
  get size(): number {
    return this.entries.size;
  }

  private expiry(sess: SessionData): number {
    const expires = sess.cookie?.expires;
    const at = expires ? new Date(expires).getTime() : NaN;
    return Number.isFinite(at) ? at : this.now() + this.ttlMs;
  }

  private pack(sess: SessionData): Entry {
    const { cookie, ...data } = sess;
    // Cookie#toJSON gives the plain fields express-session itself would store.
    const plain = JSON.parse(JSON.stringify(cookie ?? {})) as Record<string, unknown>;
    const expires = plain.expires != null;
    delete plain.expires;
    return {
      cookie: this.interner.get(JSON.stringify(plain)),
      data: JSON.stringify(data),
      expiresAt: this.expiry(sess),
      expires,
    };
  }

  private unpack(entry: Entry): SessionData {
    const cookie = this.interner.copyOf(entry.cookie);
    if (entry.expires) cookie.expires = new Date(entry.expiresAt).toISOString();
    // Assigned, not spread into a literal: that copy was most of unpack's time.
    const sess = JSON.parse(entry.data) as Record<string, unknown>;
    sess.cookie = cookie;
    return sess as unknown as SessionData;
  }

  private drop(sid: string): void {
    if (this.entries.delete(sid)) this.onGone?.(sid);
  }

  private live(sid: string): Entry | undefined {
    const entry = this.entries.get(sid);
    if (entry && entry.expiresAt <= this.now()) {
      this.counts.expired++;
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
    this.counts.expired += gone;
    return gone;
  }

  /**
   * Answers on the next turn of the event loop, like express-session's own
   * MemoryStore and like any store with I/O: requests of one session then
   * overlap between load and save, as they do in production.
   */
  override get(sid: string, cb: Cb<SessionData | null>): void {
    const entry = this.live(sid);
    setImmediate(cb, null, entry ? this.unpack(entry) : null);
  }

  /**
   * Room for a new session. At the cap it sweeps expired sessions first, but
   * at most once per CAP_SWEEP_MS: a sweep is O(sessions), and a flood of
   * session-less requests at the cap would otherwise pay it on every request.
   */
  private hasRoom(): boolean {
    if (this.entries.size < this.maxSessions) return true;
    const now = this.now();
    if (now >= this.capSweepAfter) {
      this.capSweepAfter = now + CAP_SWEEP_MS;
      this.prune();
    }
    return this.entries.size < this.maxSessions;
  }

  override set(sid: string, sess: SessionData, cb?: Cb): void {
    const isNew = !this.entries.has(sid);
    if (isNew && !this.hasRoom()) {
      this.counts.refused++;
      cb?.(new SessionLimitError(this.maxSessions, Math.ceil(Math.min(this.ttlMs, 60_000) / 1000)));
      return;
    }
    if (isNew) this.counts.created++;
    this.entries.set(sid, this.pack(sess));
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
      [...this.entries.values()].map((e) => this.unpack(e)),
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
