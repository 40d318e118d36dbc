// How the registries (index.ts, live/registry.ts) write a parametrisation and
// bind a scenario module to its description: one helper set for both.
import { scenarioInfo } from './descriptions';
import type { RedisPersistence, StoreKind, Strategy } from '../topology/topology';
import type { RunOptions, ScenarioDefinition, ScenarioParams, ScenarioResult } from './types';

/** A parametrisation behind nginx. */
export const p = (strategy: Strategy, store: StoreKind = 'memory', redisPersistence?: RedisPersistence): ScenarioParams =>
  redisPersistence ? { strategy, store, redisPersistence } : { strategy, store };

/** The same parametrisation behind HAProxy. */
export const h = (strategy: Strategy, store: StoreKind = 'memory', redisPersistence?: RedisPersistence): ScenarioParams => ({ ...p(strategy, store, redisPersistence), balancer: 'haproxy' });

/** round-robin on a Sentinel group: cart writes WAIT for `wait` replicas, the primary needs `min` to write. */
export const ha = (wait: number, min: number): ScenarioParams => ({ strategy: 'round-robin', store: 'redis', sentinel: { waitReplicas: wait, minReplicasToWrite: min } });

export interface ScenarioModule {
  ID: string;
  run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<unknown>>;
}

/** The module's runner with its described title and fault, for these parametrisations. */
export function define(mod: ScenarioModule, params: ScenarioParams[]): ScenarioDefinition {
  const info = scenarioInfo(mod.ID);
  return { id: mod.ID, title: info.title, fault: info.fault, params, run: (x, o) => mod.run(x, o) as ReturnType<ScenarioDefinition['run']> };
}
