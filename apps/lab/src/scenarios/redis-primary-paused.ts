// SIGSTOP to the Redis primary of a Sentinel group; see redis-failover.ts.
import { FailoverFacts, runFailover } from './redis-failover';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'redis-primary-paused';

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<FailoverFacts>> {
  return runFailover(ID, 'paused', params, options);
}
