import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The session id a signed `sid` cookie names, or null (absent, malformed, or not signed by any of `secrets`). */
export function sidFromCookie(header: string | undefined, name: string, secrets: readonly string[]): string | null {
  if (!header) return null;
  const raw = cookieValue(header, name);
  if (raw === null || !raw.startsWith('s:')) return null;
  const signed = raw.slice(2);
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const sid = signed.slice(0, dot);
  const mac = Buffer.from(signed.slice(dot + 1));
  // express-session's (cookie-signature's) form: base64 HMAC-SHA256 without padding.
  const ok = secrets.some((secret) => {
    const expected = Buffer.from(createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, ''));
    return expected.length === mac.length && timingSafeEqual(expected, mac);
  });
  return ok ? sid : null;
}

function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The room of one session's sockets. A digest, not the id: with the Redis
 * adapter room names travel in pub/sub messages, and a session id is a
 * bearer token.
 */
export function roomOf(sid: string): string {
  return `cart:${createHash('sha256').update(sid).digest('base64url').slice(0, 22)}`;
}
