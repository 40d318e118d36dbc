import type { Request } from 'express';
import { hasBody, MAX_JSON_DEPTH, verifyJsonDepth } from './json-guard';

const check = (text: string) => () => verifyJsonDepth(undefined, undefined, Buffer.from(text));
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('verifyJsonDepth', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more with a 400`, () => {
    expect(check(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(check(nested(MAX_JSON_DEPTH + 1))).toThrow(expect.objectContaining({ status: 400, expose: true }));
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(check(JSON.stringify({ sku: '[[[[[[[[[[{{{{{{{{{{', note: 'a \\" [[[[[[[[[[[[' }))).not.toThrow();
    expect(check(`{"a":"\\\\"}`)).not.toThrow(); // an escaped backslash ends the string
  });

  it('counts depth, not the number of brackets', () => {
    expect(check(JSON.stringify(Array.from({ length: 1000 }, () => [[1]])))).not.toThrow();
  });
});

describe('hasBody', () => {
  const req = (headers: Record<string, string>) => ({ headers }) as unknown as Request;

  it('agrees with body-parser: a length (0 included) or a chunked transfer is a body', () => {
    expect(hasBody(req({ 'content-length': '12' }))).toBe(true);
    expect(hasBody(req({ 'content-length': '0' }))).toBe(true);
    expect(hasBody(req({ 'transfer-encoding': 'chunked' }))).toBe(true);
    expect(hasBody(req({}))).toBe(false);
    expect(hasBody(req({ 'content-length': 'x' }))).toBe(false);
  });
});
