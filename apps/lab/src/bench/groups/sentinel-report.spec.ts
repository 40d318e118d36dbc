import type { CaseRow } from '../model';
import type { Spread } from '../steady';
import { sentinelDifferences, sentinelRows } from './sentinel-report';

const spread = (min: number, max: number, n = 8): Spread => ({ median: (min + max) / 2, min, max, n });
const row = (setup: string, what: 'get' | 'post', cpu: Spread, p99: Spread): CaseRow =>
  ({ id: `sentinel.${setup}.${what}`, group: 'sentinel', label: `${setup} ${what}`, load: { errors: 0 }, cpu_spread: cpu, p99_spread: p99 }) as CaseRow;

describe('sentinel bench rows', () => {
  const rows = [
    row('single', 'post', spread(900, 1000), spread(40, 60)),
    row('sentinel', 'post', spread(950, 1100), spread(45, 70)),
    row('sentinel-wait1', 'post', spread(1200, 1300), spread(50, 65)),
    row('single', 'get', spread(700, 800), spread(30, 50)),
    { ...row('x', 'get', spread(1, 2), spread(1, 2)), id: 'nginx.memory.round-robin', group: 'nginx' as const },
  ];

  it('states a difference only where one row\'s cheapest slice is dearer than the other\'s dearest', () => {
    expect(sentinelDifferences(rows)).toEqual([
      'GET /cart CPU/req: no store differs from another beyond their spread',
      'GET /cart p99: no store differs from another beyond their spread',
      'POST /cart/items CPU/req: sentinel-wait1 > single (1.32×), sentinel-wait1 > sentinel (1.22×)',
      'POST /cart/items p99: no store differs from another beyond their spread',
    ]);
  });

  it('says a row without enough slices has no spread to compare (a --quick run)', () => {
    expect(sentinelDifferences([row('single', 'get', spread(700, 700, 1), spread(30, 30, 1)), row('sentinel', 'get', spread(900, 900, 1), spread(40, 40, 1))])).toEqual([
      'GET /cart CPU/req: fewer than 3 slices: no spread, no difference stated',
      'GET /cart p99: fewer than 3 slices: no spread, no difference stated',
    ]);
  });

  it('draws median [min–max] of CPU and p99 for the group\'s rows only', () => {
    expect(sentinelRows(rows).map((r) => r.slice(0, 3))).toEqual([
      ['single post', '950 [900–1000]', '50 [40–60]'],
      ['sentinel post', '1025 [950–1100]', '57.5 [45–70]'],
      ['sentinel-wait1 post', '1250 [1200–1300]', '57.5 [50–65]'],
      ['single get', '750 [700–800]', '40 [30–50]'],
    ]);
  });
});
