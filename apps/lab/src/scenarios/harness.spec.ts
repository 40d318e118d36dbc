import { shuffled } from './harness';
import { SCENARIOS, bootCount } from './index';
import { CATALOG } from './catalog';

describe('shuffled', () => {
  it('is a permutation, reproducible per seed, and differs between seeds', () => {
    const xs = Array.from({ length: 30 }, (_, i) => i);
    expect([...shuffled(xs, 1)].sort((a, b) => a - b)).toEqual(xs);
    expect(shuffled(xs, 7)).toEqual(shuffled(xs, 7));
    expect(shuffled(xs, 1)).not.toEqual(shuffled(xs, 2));
  });
});

describe('scenario registry', () => {
  it('runs every catalogued scenario, in catalogue order', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual(CATALOG.map((s) => s.id));
  });
  it('keeps the matrix within the boot budget', () => {
    // The whole grid (lab report --all); the default report runs the teaching set (plan.ts).
    expect(bootCount()).toBeLessThanOrEqual(94);
  });
  it('runs every scenario at least once behind each balancer', () => {
    for (const s of SCENARIOS) {
      expect([s.id, [...new Set(s.params.map((p) => p.balancer ?? 'nginx'))].sort()]).toEqual([s.id, expect.arrayContaining(['haproxy', 'nginx'])]);
    }
  });
  it('never lists a parametrisation twice (balancer and Redis persistence tell two apart)', () => {
    for (const s of SCENARIOS) {
      const keys = s.params.map((p) => `${p.balancer ?? 'nginx'}/${p.strategy}/${p.store}/${p.redisPersistence ?? 'none'}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
