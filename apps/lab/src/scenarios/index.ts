// The scenario registry: which parametrisations teach something. Both the
// jest suites (test/scenarios/) and `lab report` run from this list.
import { define, h, ha, p } from './define';
import * as balancerFailover from './balancer-failover';
import * as balancerRestart from './balancer-restart';
import * as concurrentWrites from './concurrent-writes';
import * as flood from './flood';
import * as hostileClient from './hostile-client';
import * as hostileNeighbour from './hostile-neighbour';
import * as maintenance from './maintenance';
import * as nat from './nat';
import * as redisOutage from './redis-outage';
import * as redisPrimaryKilled from './redis-primary-killed';
import * as redisPrimaryPaused from './redis-primary-paused';
import * as replicaKilled from './replica-killed';
import * as replicaReturns from './replica-returns';
import * as replicaStopped from './replica-stopped';
import * as rollingRestart from './rolling-restart';
import * as rolloutDrain from './rollout-drain';
import * as scaleOut from './scale-out';
import * as steadyState from './steady-state';
import { LIVE_SCENARIOS } from './live/registry';
import type { ScenarioDefinition } from './types';

const AFFINITY = [p('ip-hash'), p('consistent-hash'), p('sticky-cookie')];

// Every scenario runs at least once behind HAProxy, on the strategies where
// the balancers differ (not the cross product: each row is a boot).
export const SCENARIOS: readonly ScenarioDefinition[] = [
  // round-robin shows the flicker, url-hash that URL affinity is not user
  // affinity, round-robin + redis that a shared store needs no affinity.
  define(steadyState, [p('round-robin'), ...AFFINITY, p('url-hash'), p('round-robin', 'redis'), h('sticky-cookie')]),
  // HAProxy: a cookie naming the dead server is redispatched (`option redispatch`).
  define(replicaKilled, [...AFFINITY, p('round-robin', 'redis'), p('sticky-cookie', 'redis'), h('sticky-cookie')]),
  define(replicaStopped, [p('ip-hash'), p('sticky-cookie'), p('ip-hash', 'redis'), h('ip-hash')]),
  // HAProxy's cookie is re-sent only when it changes (`insert indirect`): does the re-pin hold?
  define(replicaReturns, [...AFFINITY, h('consistent-hash'), h('sticky-cookie')]),
  // HAProxy: a 16-point ring (nginx: 160).
  define(scaleOut, [...AFFINITY, p('ip-hash', 'redis'), h('ip-hash'), h('consistent-hash')]),
  define(maintenance, [...AFFINITY, h('ip-hash')]),
  // HAProxy's `balance source` hashes the whole address: no /24 collapse.
  define(nat, [p('round-robin'), ...AFFINITY, h('ip-hash')]),
  // Strategy does not matter to a store outage; two show it. With AOF the
  // restart keeps every session: the row beside "restarted" without it.
  define(redisOutage, [p('round-robin', 'redis'), p('sticky-cookie', 'redis'), p('round-robin', 'redis', 'aof'), h('round-robin', 'redis')]),
  // Sentinel failover: what the cells measure is the store, so every variant
  // runs behind one balancer (nginx), side by side, and one behind HAProxy
  // (the guarded one) shows the balancer changes nothing. The variants: WAIT
  // 0/1 for a kill; WAIT 0/1 × min-replicas-to-write 0/1 for a pause (a kill
  // leaves no isolated primary for min-replicas to stop). The jest suites run
  // one cell per balancer (test/scenarios/redis-failover.test.ts).
  define(redisPrimaryKilled, [ha(0, 0), ha(1, 0), { ...ha(1, 0), balancer: 'haproxy' }]),
  define(redisPrimaryPaused, [ha(0, 0), ha(0, 1), ha(1, 0), ha(1, 1), { ...ha(1, 1), balancer: 'haproxy' }]),
  define(rollingRestart, [p('ip-hash'), p('sticky-cookie'), p('ip-hash', 'redis'), p('sticky-cookie', 'redis'), h('sticky-cookie')]),
  // The route cookie is what "bound" means to a drain; the waits are in the module.
  define(rolloutDrain, [p('sticky-cookie'), p('sticky-cookie', 'redis'), h('sticky-cookie')]),
  // Memory without affinity cannot keep a session at all, so only the
  // affinity strategies there; with Redis every strategy, round-robin being
  // the hardest case (the burst lands on three replicas at once).
  define(concurrentWrites, [...AFFINITY, p('round-robin', 'redis'), p('ip-hash', 'redis'), p('consistent-hash', 'redis'), p('sticky-cookie', 'redis'), p('url-hash', 'redis'), h('round-robin', 'redis')]),
  define(hostileClient, [p('sticky-cookie'), p('sticky-cookie', 'redis'), h('sticky-cookie')]),
  // The limit is the balancer's, per address, whatever the strategy or store.
  define(flood, [p('ip-hash'), h('ip-hash')]),
  // Every single-address attack at once; sticky-cookie so the sockets and the shoppers keep their replicas.
  define(hostileNeighbour, [p('sticky-cookie'), h('sticky-cookie')]),
  // Two balancers, one set of replicas: which strategies agree between instances?
  // stick-table runs its two variants again with the table shared through `peers`.
  define(balancerFailover, [p('round-robin'), ...AFFINITY, h('round-robin'), h('ip-hash'), h('consistent-hash'), h('sticky-cookie'), h('stick-table')]),
  // Deterministic hashes and cookies need no memory in the balancer; ip-hash
  // behind nginx is consistent-hash's twin here, so one of them is enough.
  define(balancerRestart, [p('consistent-hash'), p('sticky-cookie'), h('ip-hash'), h('sticky-cookie'), h('stick-table')]),
  ...LIVE_SCENARIOS,
];

export function scenario(id: string): ScenarioDefinition {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown scenario "${id}"; known: ${SCENARIOS.map((x) => x.id).join(', ')}`);
  return s;
}

export function bootCount(list: readonly ScenarioDefinition[] = SCENARIOS): number {
  return list.reduce((n, s) => n + s.params.length, 0);
}

export * from './types';
