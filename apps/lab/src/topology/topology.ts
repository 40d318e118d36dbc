// The one interface every scenario, the CLI, the dashboard and the bench drive.
// Two implementations: `process` (local child processes, the default) and
// `compose` (Docker Compose). Scenarios are written once against this.

import type {
  BalancerEngine, BalancerState, DriverName, RedisHa, RedisPersistence, RedisState, ReplicaState, StoreKind, Strategy,
} from '../vocabulary';
import type { RedisHaStatus, SentinelSettings } from './redis-ha';

// The vocabulary lives in its own module; re-exported so `topology` imports keep working.
export * from '../vocabulary';

export interface ReplicaInfo {
  /** `app1`, `app2`, … everywhere. */
  name: string;
  state: ReplicaState;
  /** Marked down in the balancer (markDown: nginx `server … down`, HAProxy `disabled`): gets no traffic at all. */
  markedDown: boolean;
  /** Draining (see Topology.drain: bound clients stay, new ones go elsewhere); absent where a driver cannot drain. */
  draining?: boolean;
  /** The balancer's own health check of it (HAProxy, under either driver); absent where none is read. */
  health?: 'up' | 'down';
  /** Direct URL of the replica, bypassing the balancer (for probes and the bench). */
  url: string;
  pid?: number;
  port?: number;
}

export interface TopologyOptions {
  strategy: Strategy;
  store: StoreKind;
  /** The balancer in front of the replicas (default `nginx`). */
  balancer?: BalancerEngine;
  /** Number of replicas at start (default 3). */
  replicas?: number;
  /** Balancer listen port on 127.0.0.1; 0 or undefined picks a free port. */
  port?: number;
  /** Shared by every replica so cookies signed by one verify on another. */
  sessionSecret?: string;
  /** Idle seconds before a session and its cart go (replica default 1800). */
  sessionTtlSeconds?: number;
  /** Most sessions one replica holds; past it a new one gets 503 (replica default 100 000). */
  sessionMax?: number;
  /** Extra environment for every replica. */
  env?: Record<string, string>;
  /** `aof` keeps Redis' data across redisRestart() (default `none`: a restart empties it). */
  redisPersistence?: RedisPersistence;
  /** `sentinel`: replicated Redis under Sentinel (needs store redis; default `none`). */
  redisHa?: RedisHa;
  /** Sentinel's timing and quorum (defaults: SENTINEL_DEFAULTS). */
  sentinel?: Partial<SentinelSettings>;
}

/** SESSION_TTL_SECONDS and SESSION_MAX as every replica of this topology gets them. */
export interface SessionLimits {
  ttlSeconds: number;
  max: number;
}

export interface TopologyStatus {
  driver: DriverName;
  strategy: Strategy;
  store: StoreKind;
  session: SessionLimits;
  /** The entry point users and probes talk to (the balancer). */
  url: string;
  replicas: ReplicaInfo[];
  /** `persistence` is absent only where a driver does not report it yet. */
  redis?: { url: string; state: RedisState; persistence?: RedisPersistence; ha?: RedisHaStatus };
  balancer: BalancerStatus;
}

export interface BalancerStatus {
  engine: BalancerEngine;
  version: string;
  /** Which sticky-cookie form runs; `n/a` for the other strategies. */
  sticky?: 'native' | 'portable' | 'n/a';
  /** Follows the balancer's master process (`dead`: it ended without the lab asking); absent where a driver does not watch it yet. */
  state?: BalancerState;
  pid?: number;
}

export interface Topology extends AsyncDisposable {
  readonly driver: DriverName;
  /** Balancer entry URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly strategy: Strategy;
  readonly store: StoreKind;
  readonly balancer: BalancerEngine;

  status(): Promise<TopologyStatus>;

  /** SIGTERM (compose: `docker compose stop`); resolves when the process is gone. */
  stop(name: string): Promise<void>;
  /** SIGKILL (compose: `docker compose kill`). */
  kill(name: string): Promise<void>;
  /** SIGSTOP (compose: `docker compose pause`). */
  pause(name: string): Promise<void>;
  resume(name: string): Promise<void>;
  /**
   * Start a stopped or killed replica again on the same address; resolves when
   * the replica it started (not whoever holds the port) answers ready.
   */
  start(name: string): Promise<void>;

  /** Adds `app{N+1}`, reloads the balancer, resolves when the balancer routes to it. Returns its name. */
  addReplica(): Promise<string>;
  /** Stops the replica and removes its `server` line from the balancer (remaps hash slots). */
  removeReplica(name: string): Promise<void>;
  /** Adds or removes replicas until there are n. */
  scale(n: number): Promise<void>;
  /**
   * Mark down (true: nginx `server … down`, HAProxy `disabled`; no traffic at
   * all, bound clients included) or mark up (false); the balancer reloads.
   * Not a drain: see drain() for the soft one.
   */
  markDown(name: string, down: boolean): Promise<void>;
  /**
   * Drain (true) or undrain (false): clients bound to the replica keep it,
   * new clients go to the others; the balancer reloads. What "bound" means
   * depends on the strategy (docs/nginx.md, "Drain"). Refused for a replica
   * that is not running, is marked down or drains already, and when no other
   * replica would take new clients (transitions.ts, drainRefusal); undrain is
   * always allowed.
   */
  drain(name: string, on: boolean): Promise<void>;

  redisPause(): Promise<void>;
  redisResume(): Promise<void>;
  /** SIGKILL (compose: `docker compose kill`); under Sentinel the current primary, and Sentinel promotes a replica. */
  redisKill(): Promise<void>;
  /** Restart; without persistence every session in Redis is gone afterwards, with `aof` they survive. */
  redisRestart(): Promise<void>;

  /**
   * Ends the balancer process and starts a new one on the same address with the
   * same config: whatever it learned in memory (stick tables, `sticky learn`) is gone.
   * Resolves when the new one serves.
   */
  restartBalancer(): Promise<void>;
  /** Graceful reload with the same config (new workers, in-flight requests finish); resolves when it serves. */
  reloadBalancer(): Promise<void>;

  /** Logs by component name (`nginx`, `nginx-access` or `haproxy`, `haproxy-access`, `redis`, `app1`, …). */
  logs(): Promise<Record<string, string>>;
  /** The rendered balancer config, for failure evidence. */
  balancerConfig(): Promise<string>;

  /** Tears everything down; idempotent; leaves no process behind. */
  down(): Promise<void>;
}
