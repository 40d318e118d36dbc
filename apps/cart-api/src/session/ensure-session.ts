import { ServiceUnavailableException } from '@nestjs/common';
import type { Request } from 'express';

/** True when the request carries a session that has been stored before. */
export function hasStoredSession(req: Request): boolean {
  return req.session?.createdAt !== undefined;
}

/**
 * Stores the session before the first cart write. express-session would save
 * it only after the response, and a failed save there does not fail the
 * response: a write whose session was not stored would be answered 2xx.
 * Throws the store's own error when the save fails.
 */
export async function ensureSession(req: Request): Promise<string> {
  const sess = req.session;
  if (!sess) throw new ServiceUnavailableException('session store unavailable: no session middleware');
  if (sess.createdAt !== undefined) return req.sessionID;
  sess.createdAt = Date.now();
  try {
    await new Promise<void>((resolve, reject) => sess.save((err) => (err ? reject(err) : resolve())));
  } catch (err) {
    // Unset (express-session's `unset: 'keep'`): no cookie for a session that
    // was not stored, and no second save attempt when the response ends.
    (req as { session: unknown }).session = null;
    throw err;
  }
  return req.sessionID;
}
