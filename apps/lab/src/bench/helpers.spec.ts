import { cartKept, percentile, spread } from './load';
import type { CaseRow } from './model';
import { cpuByPartTable, strategyDifferences, table } from './render-report';
import { MAX_USERS, mergeCookies, userAddress } from './users';

describe('bench helpers', () => {
  it('merges Set-Cookie answers into one Cookie header, newest value winning', () => {
    const first = mergeCookies('', ['sid=s%3Aabc.sig; Path=/; HttpOnly; SameSite=Lax']);
    expect(first).toBe('sid=s%3Aabc.sig');
    expect(mergeCookies(first, ['route=app2; Path=/', 'sid=s%3Anew.sig; Path=/'])).toBe('sid=s%3Anew.sig; route=app2');
  });

  it('gives users loopback addresses two to a /24, so ip-hash sees many keys', () => {
    expect([0, 1, 2, 3].map(userAddress)).toEqual(['127.77.1.1', '127.77.1.2', '127.77.2.1', '127.77.2.2']);
    const subnets = new Set(Array.from({ length: 24 }, (_, i) => userAddress(i).split('.').slice(0, 3).join('.')));
    expect(subnets.size).toBe(12);
    expect(userAddress(MAX_USERS - 1)).toBe('127.77.254.2');
    expect(() => userAddress(MAX_USERS)).toThrow(RangeError);
    expect(() => userAddress(-1)).toThrow(RangeError);
  });

  it('takes per-replica requests between two readings and the skew they show', () => {
    // 300 requests over 3 replicas: the mean is 100, the busiest served 150
    expect(spread({ app1: 10, app2: 0, app3: 5 }, { app1: 160, app2: 100, app3: 55 })).toEqual({
      replica_requests: { app1: 150, app2: 100, app3: 50 },
      skew: 1.5,
    });
    expect(spread({ app1: 0 }, { app1: 0 })).toEqual({ replica_requests: { app1: 0 } });
    expect(spread(undefined, { app1: 3 })).toEqual({});
  });

  it('keeps cart kept per user, and says nothing when no user read', () => {
    expect(cartKept([{ reads: 4, kept: 4 }, { reads: 4, kept: 1 }, { reads: 0, kept: 0 }])).toEqual({
      per_user: [1, 0.25, null],
      mean: 0.625,
      users_always_kept: 0.5,
    });
    expect(cartKept([{ reads: 0, kept: 0 }])).toMatchObject({ mean: null, users_always_kept: null });
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

  it('states strategy differences per balancer and store only beyond their spread', () => {
    const row = (id: string, min: number, max: number) =>
      ({ id, cpu_spread: { median: (min + max) / 2, min, max, n: 8 } }) as unknown as CaseRow;
    const lines = strategyDifferences([
      row('nginx.one.via-nginx', 100, 110), // not a strategy row
      row('nginx.memory.round-robin', 400, 440),
      row('nginx.memory.sticky-cookie', 430, 470), // overlaps round-robin
      row('nginx.memory.url-hash', 300, 320),
      row('haproxy.memory.round-robin', 400, 440),
      row('haproxy.memory.url-hash', 420, 460),
    ]);
    expect(lines).toEqual([
      'nginx memory: sticky-cookie > url-hash (1.45×), round-robin > url-hash (1.35×)',
      'haproxy memory: no strategy differs from another beyond their spread',
    ]);
  });

  it('splits a row CPU per request by process, what no part counted going to the rest', () => {
    const load = { server_cpu_us_per_req: 700, server_cpu_by_part: { app1: 300, app2: 250, nginx: 100 } };
    const rr = { label: 'rr', load, vs_one_replica: { one_replica_cpu_us: 500, cpu_ratio: 1.4 } } as unknown as CaseRow;
    const text = cpuByPartTable([rr, { label: 'plain', load: { server_cpu_us_per_req: 1 } } as unknown as CaseRow]);
    expect(text!.split('\n')).toEqual([
      '| server CPU µs/req by process | app1 | app2 | nginx | rest | vs 1 replica, same slices |',
      '|:-----------------------------|-----:|-----:|------:|-----:|--------------------------:|',
      '| rr                           |  300 |  250 |   100 |   50 |                 1.40× 500 |',
    ]);
    expect(cpuByPartTable([])).toBeUndefined();
  });
});
