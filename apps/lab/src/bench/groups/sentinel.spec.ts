import { sentinelCases, StoreServer } from './sentinel';

const server = (setup: StoreServer['setup'], pids: number[]): StoreServer => ({ setup, url: `http://127.0.0.1:1/${setup}`, users: [], pids });

describe('sentinel bench cases', () => {
  const { gets, posts } = sentinelCases([server('single', [1, 2]), server('sentinel', [3, 10, 11]), server('sentinel-wait1', [4, 10, 11])], 'sku-tea');

  it('measures GET /cart and POST /cart/items on one Redis, the Sentinel group, and the group with WAIT 1', () => {
    expect(gets.map((c) => c.row.id)).toEqual(['sentinel.single.get', 'sentinel.sentinel.get', 'sentinel.sentinel-wait1.get']);
    expect(posts.map((c) => c.row.label)).toEqual([
      'cart-api one Redis POST /cart/items',
      'cart-api Sentinel group POST /cart/items',
      'cart-api Sentinel group, WAIT 1 POST /cart/items',
    ]);
  });

  it('charges each case the CPU of cart-api and every Redis process behind it, on its own server', () => {
    expect(posts.map((c) => [c.spec.url, c.spec.cpuPids])).toEqual([
      ['http://127.0.0.1:1/single', [1, 2]],
      ['http://127.0.0.1:1/sentinel', [3, 10, 11]],
      ['http://127.0.0.1:1/sentinel-wait1', [4, 10, 11]],
    ]);
    expect(posts[0].spec.steps.filter((s) => s.method === 'POST').every((s) => (s.body as { sku: string }).sku === 'sku-tea')).toBe(true);
    expect(gets.every((c) => c.spec.steps.length === 1 && c.spec.steps[0].path === '/cart')).toBe(true);
  });
});
