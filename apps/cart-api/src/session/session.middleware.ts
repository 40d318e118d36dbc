import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import type { AppConfig } from '../config/config';
import type { SessionBackend } from './session-backend';

declare module 'express-session' {
  interface SessionData {
    /** Set on the first write; a session without it has never been stored. */
    createdAt?: number;
  }
}

export function sessionUnavailable(res: Response, err: unknown): void {
  const why = err instanceof Error ? err.message : String(err);
  res.status(503).json({
    statusCode: 503,
    error: 'Service Unavailable',
    message: `session store unavailable: ${why}`,
  });
}

/**
 * express-session for the /cart routes only. A session is identity, created
 * on the first write (see CartController); the cart itself is not in it.
 * A store error becomes a JSON 503 instead of a hang or a 500.
 */
export function sessionMiddleware(config: AppConfig, backend: SessionBackend): RequestHandler {
  const handler = session({
    name: 'sid',
    secret: config.sessionSecrets,
    store: backend.store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      maxAge: config.sessionTtlSeconds * 1000,
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    handler(req, res, (err?: unknown) => {
      // express-session reports a failed end-of-request touch/save through
      // this callback after the response went out; nothing is left to answer.
      if (res.headersSent) return;
      if (err) return sessionUnavailable(res, err);
      next();
    });
  };
}
