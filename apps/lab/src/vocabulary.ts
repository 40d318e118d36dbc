// Words every part of the lab speaks (topology, drivers, balancers, CLI,
// dashboard, report). No imports: everything may depend on this module.

/** The strategies every balancer runs. */
export const STRATEGIES = ['round-robin', 'ip-hash', 'consistent-hash', 'sticky-cookie', 'url-hash'] as const;
export type CommonStrategy = (typeof STRATEGIES)[number];
/** Strategies only HAProxy has: a learned table per client address, and consistent hashing with a load bound. */
export const HAPROXY_ONLY_STRATEGIES = ['stick-table', 'bounded-load'] as const;
/** Everything HAProxy runs: the common five, then its own two. */
export const HAPROXY_STRATEGIES = [...STRATEGIES, ...HAPROXY_ONLY_STRATEGIES] as const;
/** Any strategy of any balancer; which balancer runs which is `strategiesOf`. */
export type Strategy = (typeof HAPROXY_STRATEGIES)[number];

export const STORES = ['memory', 'redis'] as const;
export type StoreKind = (typeof STORES)[number];

/** The load balancer in front of the replicas (default nginx). */
export const BALANCERS = ['nginx', 'haproxy'] as const;
export type BalancerEngine = (typeof BALANCERS)[number];

/** The strategies `engine` runs. */
export function strategiesOf(engine: BalancerEngine): readonly Strategy[] {
  return engine === 'haproxy' ? HAPROXY_STRATEGIES : STRATEGIES;
}

/** Narrows a strategy to the ones nginx runs. */
export function isCommonStrategy(s: Strategy): s is CommonStrategy {
  return (STRATEGIES as readonly string[]).includes(s);
}

/** `restart`: the process ends and a new one starts (learned state is lost); `reload`: graceful, same process tree. */
export const BALANCER_OPS = ['restart', 'reload'] as const;
export type BalancerOp = (typeof BALANCER_OPS)[number];

export const DRIVERS = ['process', 'compose'] as const;
export type DriverName = (typeof DRIVERS)[number];

/**
 * What a replica is doing. Follows the process: one that dies on its own shows
 * `killed` (ended by a signal, e.g. kill -9 or the OOM killer) or `stopped`
 * (exited by itself), and can be started again.
 */
export type ReplicaState = 'starting' | 'running' | 'stopped' | 'killed' | 'paused';

export type RedisState = 'running' | 'paused' | 'stopped';

/** `sentinel`: a primary, two replicas and three Sentinels instead of one Redis (docs/redis-ha.md). */
export const REDIS_HA = ['none', 'sentinel'] as const;
export type RedisHa = (typeof REDIS_HA)[number];

/** `aof`: redis-server appends every write to a file, so a restart keeps the sessions. */
export const REDIS_PERSISTENCE = ['none', 'aof'] as const;
export type RedisPersistence = (typeof REDIS_PERSISTENCE)[number];

/** The balancer's master process: `dead` when it ended without the lab asking. */
export type BalancerState = 'running' | 'dead';
