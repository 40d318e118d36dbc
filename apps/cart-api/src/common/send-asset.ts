import { createHash } from 'node:crypto';
import type { Response } from 'express';

const etags = new Map<string, string>();

function etagOf(body: string): string {
  let tag = etags.get(body);
  if (tag === undefined) etags.set(body, (tag = `"${createHash('sha1').update(body).digest('base64url')}"`));
  return tag;
}

/**
 * A page asset held in memory: `no-cache` plus its own ETag (computed once)
 * means a revalidation (304) per load, so a rebuilt replica never serves a
 * stale one. The app turns Express' per-response ETag off (it hashed every JSON body).
 */
export function sendAsset(res: Response, type: string, body: string, csp: string): void {
  res.set({
    ETag: etagOf(body),
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.send(body);
}

/** `[path, '?query']` of a URL. */
export function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}
