import type { LoadResult } from '../load';
import { refuseErrors } from './profile';

const load = (requests: number, error_kinds: Record<string, number>) =>
  ({ requests, errors: Object.values(error_kinds).reduce((a, b) => a + b, 0), error_kinds }) as LoadResult;

describe('a profile ranks 2xx answers only', () => {
  it('accepts a load whose every answer was a 2xx', () => {
    expect(() => refuseErrors('post', load(4000, {}))).not.toThrow();
  });

  it('refuses a load with refusals, naming them', () => {
    expect(() => refuseErrors('post', load(4000, { '400': 3900 }))).toThrow(/post: 3900 of 4000 .*3900 × 400/);
    expect(() => refuseErrors('get', load(10, { timeout: 1 }))).toThrow(/1 × timeout/);
  });

  it('refuses a load that completed nothing', () => {
    expect(() => refuseErrors('get', load(0, {}))).toThrow(/no request completed/);
  });
});
