import express, { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Deepest nesting a JSON body may have. A cart body is one level deep; the
 * bound only has to stop class-transformer/class-validator from recursing
 * thousands of levels (a RangeError and a stack trace per request).
 */
export const MAX_JSON_DEPTH = 8;

/** An http-errors style error: body-parser forwards it and HttpErrorFilter answers it. */
function badRequest(message: string): Error {
  return Object.assign(new Error(message), { status: 400, statusCode: 400, expose: true });
}

/**
 * body-parser `verify` hook: one pass over the raw bytes before JSON.parse,
 * counting open brackets outside strings. Runs only for requests that carry a
 * JSON body; a bodiless GET never reaches it.
 */
export function verifyJsonDepth(_req: unknown, _res: unknown, buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw badRequest(`JSON body nested deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/** Keys JSON.parse keeps as own properties that the validator's whitelist does not see. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Refuses prototype-related keys at the top of a JSON body with the same
 * message the ValidationPipe gives any other unknown key.
 */
export function rejectPrototypeKeys(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (body !== null && typeof body === 'object') {
    const bad = PROTOTYPE_KEYS.find((k) => Object.prototype.hasOwnProperty.call(body, k));
    if (bad) return next(badRequest(`property ${bad} should not exist`));
  }
  next();
}

/**
 * body-parser's own test for "this request has a body" (type-is `hasBody`):
 * a length, even 0, or a chunked transfer.
 */
export function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(req.headers['content-length']));
}

/**
 * express.json with the depth bound before JSON.parse and the prototype-key
 * check after it, as one middleware. A bodiless request (every GET of the
 * cart) goes straight on: body-parser would only have found the same and
 * skipped it, after its finished-check, its state and a closure per request.
 */
export function jsonBodyParser(limit: string): RequestHandler {
  const parse = express.json({ limit, verify: verifyJsonDepth });
  return (req, res, next) => {
    if (!hasBody(req)) return next();
    parse(req, res, (err?: unknown) => (err ? next(err) : rejectPrototypeKeys(req, res, next)));
  };
}
