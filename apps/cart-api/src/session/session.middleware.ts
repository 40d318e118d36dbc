import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import type { AppConfig } from '../config/config';
import { hasStoredSession } from './ensure-session';
import { noteLostSession, SESSION_LOST, SESSION_STATUS_HEADER } from './lost-session';
import type { SessionBackend } from './session-backend';

declare module 'express-session' {
  interface SessionData {
    /** Set on the first write; a session without it has never been stored. */
    createdAt?: number;
  }
}

export const SESSION_COOKIE = 'sid';

export function sessionUnavailable(res: Response, err: unknown): void {
  const why = err instanceof Error ? err.message : String(err);
  res.status(503).json({
    statusCode: 503,
    error: 'Service Unavailable',
    message: `session store unavailable: ${why}`,
  });
}

/**
 * express-session writes `Expires` only. `Max-Age` says the same thing without
 * depending on the client's clock; added just before the headers go out,
 * after express-session has set its cookie (its own writeHead hook runs first
 * because it is installed later, on top of this one).
 */
function addMaxAge(res: Response, seconds: number): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    const cookie = res.getHeader('Set-Cookie');
    if (Array.isArray(cookie)) {
      res.setHeader(
        'Set-Cookie',
        cookie.map((c) => (c.startsWith(`${SESSION_COOKIE}=`) ? `${c}; Max-Age=${seconds}` : c)),
      );
    }
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as Response['writeHead'];
}

/**
 * express-session for the /cart routes only. A session is identity, created
 * on the first write (see CartService); the cart itself is not in it.
 * The TTL is an idle expiry: `rolling` re-issues the cookie with a fresh
 * lifetime on every /cart response of a stored session (one HMAC and one
 * header), while the store slides its own expiry (memory: touch; redis: the
 * cart script's EXPIRE). A store error becomes a JSON 503 instead of a hang
 * or a 500.
 */
export function sessionMiddleware(config: AppConfig, backend: SessionBackend): RequestHandler {
  const handler = session({
    name: SESSION_COOKIE,
    secret: config.sessionSecrets,
    store: backend.store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      maxAge: config.sessionTtlSeconds * 1000,
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    addMaxAge(res, config.sessionTtlSeconds);
    handler(req, res, (err?: unknown) => {
      // express-session reports a failed end-of-request touch/save through
      // this callback after the response went out; nothing is left to answer.
      if (res.headersSent) return;
      if (err) return sessionUnavailable(res, err);
      if (!hasStoredSession(req) && noteLostSession(req, SESSION_COOKIE, config.sessionSecrets)) {
        res.setHeader(SESSION_STATUS_HEADER, SESSION_LOST);
      }
      next();
    });
  };
}
