// The scenario registry: which parametrisations teach something. Both the
// jest suites (test/scenarios/) and `lab report` run from this list.
import { scenarioInfo } from './catalog';
import * as concurrentWrites from './concurrent-writes';
import * as flood from './flood';
import * as hostileClient from './hostile-client';
import * as maintenance from './maintenance';
import * as nat from './nat';
import * as redisOutage from './redis-outage';
import * as replicaKilled from './replica-killed';
import * as replicaReturns from './replica-returns';
import * as replicaStopped from './replica-stopped';
import * as rollingRestart from './rolling-restart';
import * as rolloutDrain from './rollout-drain';
import * as scaleOut from './scale-out';
import * as steadyState from './steady-state';
import type { RunOptions, ScenarioDefinition, ScenarioParams } from './types';
import type { RedisPersistence, StoreKind, Strategy } from '../topology/topology';

const p = (strategy: Strategy, store: StoreKind = 'memory', redisPersistence?: RedisPersistence): ScenarioParams =>
  redisPersistence ? { strategy, store, redisPersistence } : { strategy, store };
const AFFINITY = [p('ip-hash'), p('consistent-hash'), p('sticky-cookie')];

interface Module {
  ID: string;
  run(params: ScenarioParams, options?: RunOptions): Promise<import('./types').ScenarioResult<unknown>>;
}

function define(mod: Module, params: ScenarioParams[]): ScenarioDefinition {
  const info = scenarioInfo(mod.ID);
  return { id: mod.ID, title: info.title, fault: info.fault, params, run: (x, o) => mod.run(x, o) as ReturnType<ScenarioDefinition['run']> };
}

export const SCENARIOS: readonly ScenarioDefinition[] = [
  // round-robin shows the flicker, url-hash that URL affinity is not user
  // affinity, round-robin + redis that a shared store needs no affinity.
  define(steadyState, [p('round-robin'), ...AFFINITY, p('url-hash'), p('round-robin', 'redis')]),
  define(replicaKilled, [...AFFINITY, p('round-robin', 'redis'), p('sticky-cookie', 'redis')]),
  define(replicaStopped, [p('ip-hash'), p('sticky-cookie'), p('ip-hash', 'redis')]),
  define(replicaReturns, AFFINITY),
  define(scaleOut, [...AFFINITY, p('ip-hash', 'redis')]),
  define(maintenance, AFFINITY),
  define(nat, [p('round-robin'), ...AFFINITY]),
  // Strategy does not matter to a store outage; two show it. With AOF the
  // restart keeps every session: the row beside "restarted" without it.
  define(redisOutage, [p('round-robin', 'redis'), p('sticky-cookie', 'redis'), p('round-robin', 'redis', 'aof')]),
  define(rollingRestart, [p('ip-hash'), p('sticky-cookie'), p('ip-hash', 'redis'), p('sticky-cookie', 'redis')]),
  // The route cookie is what "bound" means to a drain; the waits are in the module.
  define(rolloutDrain, [p('sticky-cookie'), p('sticky-cookie', 'redis')]),
  // Memory without affinity cannot keep a session at all, so only the
  // affinity strategies there; with Redis every strategy, round-robin being
  // the hardest case (the burst lands on three replicas at once).
  define(concurrentWrites, [...AFFINITY, p('round-robin', 'redis'), p('ip-hash', 'redis'), p('consistent-hash', 'redis'), p('sticky-cookie', 'redis'), p('url-hash', 'redis')]),
  define(hostileClient, [p('sticky-cookie'), p('sticky-cookie', 'redis')]),
  // The limit is nginx's, per address, whatever the strategy or store.
  define(flood, [p('ip-hash')]),
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
