import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import type { AppConfig } from '../config/config';
import { hasStoredSession } from './ensure-session';
import { noteLostSession, SESSION_LOST, SESSION_STATUS_HEADER, sessionWasLost } from './lost-session';
import { RollingCookie } from './rolling-cookie';
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
 * The cookie of every /cart response of a stored session: RollingCookie's
 * header, with `Expires` and `Max-Age` (the latter says the same thing without
 * depending on the client's clock). express-session's own cookie has no
 * expiry (no `maxAge`: see sessionMiddleware) and is set only when it created
 * or changed the session (`rolling` is off); this replaces it then. Runs just
 * before the headers go out, after express-session has set its cookie (its
 * own writeHead hook runs first because it is installed later, on top of
 * this one).
 */
function rollCookie(req: Request, res: Response, rolling: RollingCookie): void {
  const writeHead = res.writeHead as (...a: unknown[]) => Response;
  res.writeHead = function (this: Response) {
    const prev = res.getHeader('Set-Cookie');
    if (prev === undefined) {
      // The common case (a read of a stored session): one header, no array to build.
      if (hasStoredSession(req) && !sessionWasLost(req)) res.setHeader('Set-Cookie', rolling.header(req, req.sessionID));
    } else {
      const cookies = ([] as string[]).concat(prev as string | string[]);
      const ours = cookies.findIndex((c) => c.startsWith(COOKIE_PREFIX));
      if (ours >= 0) cookies[ours] = rolling.header(req, req.sessionID);
      else if (hasStoredSession(req) && !sessionWasLost(req)) cookies.push(rolling.header(req, req.sessionID));
      res.setHeader('Set-Cookie', cookies);
    }
    // eslint-disable-next-line prefer-rest-params -- passed on as they came, without a rest array per response
    return writeHead.apply(this, arguments as unknown as unknown[]);
  } as Response['writeHead'];
}

const COOKIE_PREFIX = `${SESSION_COOKIE}=`;

/**
 * The paths the session serves, as Express would match a mount on /cart
 * (case-insensitive, a whole segment): matched here, so the middleware is
 * mounted at the root and Express does not trim and restore the URL of every
 * /cart request around it.
 */
export function isCartPath(url: string): boolean {
  if (url.length < 5 || url.slice(0, 5).toLowerCase() !== '/cart') return false;
  const next = url.charCodeAt(5);
  return Number.isNaN(next) || next === 0x2f || next === 0x3f; // end, '/', '?'
}

/**
 * express-session for the /cart routes only (mount it at the root: it
 * matches /cart itself). A session is identity, created
 * on the first write (see CartService); the cart itself is not in it.
 * The TTL is an idle expiry: the cookie is re-issued with a fresh lifetime
 * on every /cart response of a stored session (rollCookie), while the store slides its own expiry (memory: touch; redis: the
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
    rolling: false,
    // No maxAge: rollCookie writes the expiry. With one, express-session
    // re-dated the cookie on every request and, seeing an `Expires`, hashed
    // each read's session once more to decide whether to write it.
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
    },
  });
  const rolling = new RollingCookie(SESSION_COOKIE, config.sessionSecrets[0], config.sessionTtlSeconds, config.cookieSecure);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isCartPath(req.url)) return next();
    rollCookie(req, res, rolling);
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
