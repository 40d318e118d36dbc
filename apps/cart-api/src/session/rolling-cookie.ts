import { createHmac } from 'node:crypto';
import type { Request } from 'express';
import type { CookieSecure } from '../config/config';

const SIGNED_CACHE_MAX = 10_000;

/**
 * `req.secure` without its cost in the common case: Express consults the
 * trust-proxy rule (an address parse) only to read X-Forwarded-Proto, so with
 * no such header the answer is the socket's own.
 */
function isSecure(req: Request): boolean {
  if (req.headers['x-forwarded-proto'] === undefined) return (req.socket as { encrypted?: boolean }).encrypted === true;
  return req.secure;
}

/**
 * The rolling Set-Cookie of a stored session, written by the service instead
 * of express-session's `rolling` option: that one signs the id again (an HMAC)
 * and serialises the cookie on every response. The signed value depends only
 * on the id, so it is computed once per session (a bounded cache); only
 * Expires and Max-Age change from one response to the next.
 */
export class RollingCookie {
  private readonly signed = new Map<string, string>();
  private readonly maxAgeMs: number;
  /** Expires has a one-second resolution: formatted once per second, not per response. */
  private expiresSecond = -1;
  private expires = '';

  constructor(
    private readonly name: string,
    private readonly secret: string,
    private readonly ttlSeconds: number,
    private readonly secure: CookieSecure,
  ) {
    this.maxAgeMs = ttlSeconds * 1000;
  }

  /** express-session's format (cookie-signature): `s:<sid>.<base64 HMAC-SHA256 without padding>`, URI-encoded. */
  value(sid: string): string {
    let value = this.signed.get(sid);
    if (value !== undefined) return value;
    const mac = createHmac('sha256', this.secret).update(sid).digest('base64').replace(/=+$/, '');
    value = encodeURIComponent(`s:${sid}.${mac}`);
    // Dropping all at the bound costs one HMAC per live session, never unbounded memory.
    if (this.signed.size >= SIGNED_CACHE_MAX) this.signed.clear();
    this.signed.set(sid, value);
    return value;
  }

  /** The header express-session would write for `sid`, same attribute order, plus Max-Age. */
  header(req: Request, sid: string, now = Date.now()): string {
    const second = Math.floor((now + this.maxAgeMs) / 1000);
    if (second !== this.expiresSecond) {
      this.expiresSecond = second;
      this.expires = new Date(second * 1000).toUTCString();
    }
    const expires = this.expires;
    const secure = this.secure === 'auto' ? isSecure(req) : this.secure;
    return `${this.name}=${this.value(sid)}; Path=/; Expires=${expires}; HttpOnly${secure ? '; Secure' : ''}; SameSite=Lax; Max-Age=${this.ttlSeconds}`;
  }
}
