/** What a client may send: only `whoami` (the page sends nothing else). */
export const ALLOWED_EVENTS: ReadonlySet<string> = new Set(['whoami']);

export interface GuardLimits {
  /** Messages allowed at once. */
  burst: number;
  /** Refill per second. */
  perSecond: number;
}

export const DEFAULT_GUARD: GuardLimits = { burst: 5, perSecond: 2 };

/**
 * One socket's incoming-message policy: a token bucket, and a closed list of
 * events. Returns why the socket must go, or null when the message is fine.
 */
export class MessageGuard {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limits: GuardLimits = DEFAULT_GUARD,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limits.burst;
    this.last = now();
  }

  check(event: unknown): string | null {
    if (typeof event !== 'string' || !ALLOWED_EVENTS.has(event)) return `unexpected event ${JSON.stringify(String(event).slice(0, 40))}`;
    const t = this.now();
    this.tokens = Math.min(this.limits.burst, this.tokens + ((t - this.last) / 1000) * this.limits.perSecond);
    this.last = t;
    if (this.tokens < 1) return `more than ${this.limits.burst} messages at once (flood)`;
    this.tokens -= 1;
    return null;
  }
}
