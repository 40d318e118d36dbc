// Which cells are random, how many runs a random cell gets, and which cells
// the default report (the teaching set) runs. One table each, so a cell that
// becomes deterministic (e.g. once replicas have fixed identities) flips here.
import type { BalancerEngine, Strategy } from '../topology/topology';
import type { ScenarioParams } from './types';

/** Replicas every scenario boots (the theory's N). */
export const REPLICAS = 3;

/** `strategy/store`, `haproxy/strategy/store`, `…/aof`: the key the scenario suites and this plan share. */
export const paramKey = (p: ScenarioParams): string =>
  `${p.balancer && p.balancer !== 'nginx' ? `${p.balancer}/` : ''}${p.strategy}/${p.store}${p.redisPersistence ? `/${p.redisPersistence}` : ''}${p.sentinel ? `/sentinel-wait${p.sentinel.waitReplicas}-min${p.sentinel.minReplicasToWrite}` : ''}`;

/**
 * Strategies whose placement is drawn afresh each run: round robin, a stick
 * table and bounded load follow the order 30 concurrent clients arrive in
 * (measured: replica-killed round-robin/redis moved 57 % once, 67 % four
 * times). The hashes are not: nginx's ketama ring hashes the text of each
 * `server` line, which the process driver fixes by name
 * (drivers/process/identity.ts), and HAProxy keys its ring by server id, so
 * both replay exactly (`predicted`). Before the addresses were fixed, nginx
 * consistent-hash replica-killed lost 23–47 % over seven runs.
 */
const RANDOM_PLACEMENT: Record<BalancerEngine, readonly Strategy[]> = {
  nginx: ['round-robin'],
  haproxy: ['round-robin', 'stick-table', 'bounded-load'],
};

/**
 * Scenarios whose numbers depend on timing whatever the strategy: a fault
 * that races the clients' requests (stop, restart, drain waits, reconnects).
 * replica-returns too: its load skew counts requests across the return, which
 * the balancer notices on its own clock (measured: ip-hash skew 1.47, then
 * 1.40 in the next report; its lost and moved shares did not change).
 */
const TIMING_DRIVEN: ReadonlySet<string> = new Set([
  'replica-stopped',
  'replica-returns',
  'rolling-restart',
  'rollout-drain',
  'balancer-restart',
  'balancer-failover',
  'flood',
  'live-transports',
  'live-replica-killed',
  'live-cross-replica',
  // When Sentinel notices the primary is gone, and which writes race the promotion.
  'redis-primary-killed',
  'redis-primary-paused',
]);

/** True when a cell gives the same numbers run after run: one run is the measurement. */
export function isDeterministic(scenario: string, p: Pick<ScenarioParams, 'strategy' | 'balancer'>): boolean {
  return !TIMING_DRIVEN.has(scenario) && !RANDOM_PLACEMENT[p.balancer ?? 'nginx'].includes(p.strategy);
}

/**
 * Runs of a random cell. Three runs: the median of three lies inside their
 * [min, max] (distribution-free) and the range holds the population median
 * with probability 1 − 2·(1/2)³ = 75 %; five would make it 94 % at 5/3 the
 * time. docs/scenarios.md ("Repeats") has the variance that chose it.
 */
export const DEFAULT_RUNS = 3;

/** How many times a cell runs: once when deterministic, else `runs` (default DEFAULT_RUNS). */
export function runsFor(scenario: string, p: ScenarioParams, runs = DEFAULT_RUNS): number {
  return isDeterministic(scenario, p) ? 1 : runs;
}

/**
 * The default `lab report`: the cells that teach the main lessons, chosen to
 * finish in ≤ 180 s on two cores (`--all` runs every parametrisation).
 * Each id names cells of the registry (scenarios/index.ts); a test keeps
 * them there.
 */
export const TEACHING: Readonly<Record<string, readonly string[]>> = {
  'steady-state': ['round-robin/memory', 'sticky-cookie/memory'],
  'replica-killed': ['ip-hash/memory', 'consistent-hash/memory', 'sticky-cookie/memory', 'round-robin/redis'],
  'replica-returns': ['ip-hash/memory', 'sticky-cookie/memory'],
  'scale-out': ['ip-hash/memory', 'consistent-hash/memory', 'sticky-cookie/memory', 'haproxy/consistent-hash/memory'],
  maintenance: ['ip-hash/memory', 'sticky-cookie/memory'],
  nat: ['ip-hash/memory', 'sticky-cookie/memory', 'haproxy/ip-hash/memory'],
  // Strategy does not matter to a store outage: a deterministic one runs once.
  'redis-outage': ['sticky-cookie/redis'],
};
