import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, errorBody, HttpError } from './http-error';

const BODY_LIMIT = 64 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2) + '\n';
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** Answers `err` as `{statusCode, error, message}` (a response already under way is cut instead); returns the body for logging. */
export function sendError(res: ServerResponse, err: unknown): ReturnType<typeof errorBody> {
  const body = errorBody(err);
  if (res.headersSent) res.destroy();
  else sendJson(res, body.statusCode, body);
  return body;
}

/** The request body as JSON; an empty body is `{}` so `curl -X POST` works. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new HttpError(413, `request body larger than ${BODY_LIMIT} bytes`, {}, 'body_too_large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw badRequest('request body must be a JSON object', 'invalid_json');
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return LOOPBACK_NAMES.includes(name);
}

/**
 * The API listens on loopback only, but a web page in the user's browser can
 * still send it requests (cross-site POST, DNS rebinding), and so can a page
 * served by any other local server (the shop page on :8080, a dev server).
 * Only requests whose Host is a loopback name, and whose Origin (when a
 * browser sends one) is this very server (a loopback name and the port the
 * request arrived on), may act on the lab.
 */
export function checkLocalCaller(req: IncomingMessage): void {
  const host = req.headers.host ?? '';
  if (!isLoopbackHost(host)) throw new HttpError(403, `Host "${host}" refused: use http://127.0.0.1`, {}, 'foreign_host');
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, req.socket.localPort)) {
    throw new HttpError(403, `cross-origin request from ${origin} refused: only the dashboard's own page may use this API`, {}, 'cross_origin');
  }
}

function isOwnOrigin(origin: string, port: number | undefined): boolean {
  const match = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):(\d+)$/.exec(origin);
  return !!match && port !== undefined && Number(match[2]) === port;
}
