import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** Header (and body field) that tells a client its presented session no longer exists. */
export const SESSION_STATUS_HEADER = 'X-Session-Status';
import { SESSION_LOST } from '../../../../libs/cart';

export { SESSION_LOST };

const lost = new WeakSet<Request>();
const cookiePatterns = new Map<string, RegExp>();

function presentedSid(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  let pattern = cookiePatterns.get(name);
  if (!pattern) cookiePatterns.set(name, (pattern = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`)));
  const match = pattern.exec(header);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** express-session's signature (cookie-signature): `s:<value>.<base64 HMAC-SHA256 without padding>`. */
function validlySigned(raw: string, secrets: string[]): boolean {
  if (!raw.startsWith('s:')) return false;
  const signed = raw.slice(2);
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return false;
  const mac = Buffer.from(signed.slice(dot + 1));
  return secrets.some((secret) => {
    const expected = Buffer.from(createHmac('sha256', secret).update(signed.slice(0, dot)).digest('base64').replace(/=+$/, ''));
    return expected.length === mac.length && timingSafeEqual(expected, mac);
  });
}

/**
 * Called after express-session when the request has no stored session: a
 * cookie that is validly signed by this deployment names a session that
 * expired or was lost (its replica or store restarted). A forged or foreign
 * cookie is not reported. Runs only on that path, never for a live session.
 */
export function noteLostSession(req: Request, name: string, secrets: string[]): boolean {
  const raw = presentedSid(req, name);
  if (raw === null || !validlySigned(raw, secrets)) return false;
  lost.add(req);
  return true;
}

/** The store found no session for the id the request presented (a cart repository that checks it said so). */
export function markSessionLost(req: Request): void {
  lost.add(req);
  req.res?.setHeader(SESSION_STATUS_HEADER, SESSION_LOST);
}

export function sessionWasLost(req: Request): boolean {
  return lost.has(req);
}
