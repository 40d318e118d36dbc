// Errors a local JSON API (the control server, the dashboard) turns into a
// status code and a JSON body; anything else a handler throws is a topology
// error (500 with its message).
import { STATUS_CODES } from 'node:http';

export class HttpError extends Error {
  /** A short machine code for the body's `error` (scripts match on it; `message` is for people). */
  readonly code: string;

  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    code?: string,
  ) {
    super(message);
    this.code = code ?? codeOf(status);
  }
}

/** The status's name as a code: 404 → `not_found`, 429 → `too_many_requests`. */
export function codeOf(status: number): string {
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/**
 * The body every error answer carries, the shape cart-api and both balancers
 * use: `{statusCode, error, message}`; an HttpError's extra fields (the
 * valid choices, the lab status) follow and cannot override those three.
 */
export function errorBody(err: unknown): { statusCode: number; error: string; message: string } & Record<string, unknown> {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof HttpError)) return { statusCode: 500, error: 'internal_error', message };
  const shape = { statusCode: err.status, error: err.code, message };
  // The three first in the JSON, and the extra fields' own values for them ignored.
  return Object.assign({ ...shape }, err.extra, shape);
}

export const notFound = (message: string, extra?: Record<string, unknown>, code?: string) => new HttpError(404, message, extra, code);
export const conflict = (message: string) => new HttpError(409, message);
export const badRequest = (message: string, code = 'invalid_argument') => new HttpError(400, message, {}, code);
