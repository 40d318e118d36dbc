import { SCENARIOS } from './index';
import { DEFAULT_RUNS, isDeterministic, paramKey, runsFor, TEACHING } from './plan';

describe('the report plan', () => {
  it('names only cells of the registry in the teaching set', () => {
    for (const [id, keys] of Object.entries(TEACHING)) {
      const s = SCENARIOS.find((x) => x.id === id);
      expect(s).toBeDefined();
      expect(keys.filter((k) => !s!.params.some((p) => paramKey(p) === k))).toEqual([]);
    }
  });

  it('runs a deterministic cell once and a random one DEFAULT_RUNS times', () => {
    expect(isDeterministic('scale-out', { strategy: 'ip-hash' })).toBe(true);
    expect(isDeterministic('scale-out', { strategy: 'consistent-hash', balancer: 'haproxy' })).toBe(true);
    expect(runsFor('scale-out', { strategy: 'ip-hash', store: 'memory' }, 5)).toBe(1);
    // nginx's ring is fixed by the replicas' names: one run gives the number.
    expect(runsFor('scale-out', { strategy: 'consistent-hash', store: 'memory' })).toBe(1);
    expect(runsFor('scale-out', { strategy: 'round-robin', store: 'redis' })).toBe(DEFAULT_RUNS);
    // A fault that races the clients is random whatever the strategy.
    expect(runsFor('rolling-restart', { strategy: 'ip-hash', store: 'memory' }, 5)).toBe(5);
  });

  it('keys cells as the scenario suites do', () => {
    expect(paramKey({ strategy: 'ip-hash', store: 'memory' })).toBe('ip-hash/memory');
    expect(paramKey({ strategy: 'ip-hash', store: 'memory', balancer: 'haproxy' })).toBe('haproxy/ip-hash/memory');
    expect(paramKey({ strategy: 'round-robin', store: 'redis', redisPersistence: 'aof' })).toBe('round-robin/redis/aof');
  });
});
