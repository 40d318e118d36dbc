import { percentile } from './load';
import { table } from './report';
import { mergeCookies } from './users';

describe('bench helpers', () => {
  it('merges Set-Cookie answers into one Cookie header, newest value winning', () => {
    const first = mergeCookies('', ['sid=s%3Aabc.sig; Path=/; HttpOnly; SameSite=Lax']);
    expect(first).toBe('sid=s%3Aabc.sig');
    expect(mergeCookies(first, ['route=app2; Path=/', 'sid=s%3Anew.sig; Path=/'])).toBe('sid=s%3Anew.sig; route=app2');
  });

  it('takes percentiles by rank', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 0.5), percentile(sorted, 0.99), percentile([], 0.5)]).toEqual([50, 99, 0]);
  });

  it('renders an aligned markdown table', () => {
    expect(table(['case', 'req/s'], [['a', 1], ['longer', 1234]]).split('\n')).toEqual([
      '| case   | req/s |',
      '|:-------|------:|',
      '| a      |     1 |',
      '| longer |  1234 |',
    ]);
  });
});
