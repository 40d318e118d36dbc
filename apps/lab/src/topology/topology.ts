// The one interface every scenario, the CLI, the dashboard and the bench drive.
// Two implementations: `process` (local child processes, the default) and
// `compose` (Docker Compose). Scenarios are written once against this.

export const STRATEGIES = ['round-robin', 'ip-hash', 'consistent-hash', 'sticky-cookie', 'url-hash'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STORES = ['memory', 'redis'] as const;
export type StoreKind = (typeof STORES)[number];

export type DriverName = 'process' | 'compose';

/** What a replica is doing, as the lab last made it (not guessed from probes). */
export type ReplicaState = 'starting' | 'running' | 'stopped' | 'killed' | 'paused';

export interface ReplicaInfo {
  /** `app1`, `app2`, … everywhere. */
  name: string;
  state: ReplicaState;
  /** Marked `down` in the nginx upstream (keeps its hash slot, gets no traffic). */
  drained: boolean;
  /** Direct URL of the replica, bypassing nginx (for probes and the bench). */
  url: string;
  pid?: number;
  port?: number;
}

export type RedisState = 'running' | 'paused' | 'stopped';

export interface TopologyOptions {
  strategy: Strategy;
  store: StoreKind;
  /** Number of replicas at start (default 3). */
  replicas?: number;
  /** nginx listen port on 127.0.0.1; 0 or undefined picks a free port. */
  port?: number;
  /** Shared by every replica so cookies signed by one verify on another. */
  sessionSecret?: string;
  sessionTtlSeconds?: number;
  /** Extra environment for every replica. */
  env?: Record<string, string>;
}

export interface TopologyStatus {
  driver: DriverName;
  strategy: Strategy;
  store: StoreKind;
  /** The entry point users and probes talk to (nginx). */
  url: string;
  replicas: ReplicaInfo[];
  redis?: { url: string; state: RedisState };
  /** `state`: whether the balancer process itself runs (absent from drivers that do not watch it yet). */
  nginx: { version: string; sticky: 'native' | 'portable' | 'n/a'; state?: 'running' | 'dead' };
}

export interface Topology extends AsyncDisposable {
  readonly driver: DriverName;
  /** nginx entry URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly strategy: Strategy;
  readonly store: StoreKind;

  status(): Promise<TopologyStatus>;

  /** SIGTERM (compose: `docker compose stop`); resolves when the process is gone. */
  stop(name: string): Promise<void>;
  /** SIGKILL (compose: `docker compose kill`). */
  kill(name: string): Promise<void>;
  /** SIGSTOP (compose: `docker compose pause`). */
  pause(name: string): Promise<void>;
  resume(name: string): Promise<void>;
  /** Start a stopped or killed replica again on the same address; resolves when ready. */
  start(name: string): Promise<void>;

  /** Adds `app{N+1}`, reloads nginx, resolves when nginx routes to it. Returns its name. */
  addReplica(): Promise<string>;
  /** Stops the replica and removes its `server` line from nginx (remaps hash slots). */
  removeReplica(name: string): Promise<void>;
  /** Adds or removes replicas until there are n. */
  scale(n: number): Promise<void>;
  /** `server … down` (true) or back in rotation (false); reloads nginx. */
  markDown(name: string, down: boolean): Promise<void>;

  redisPause(): Promise<void>;
  redisResume(): Promise<void>;
  /** Restart without persistence: every session in Redis is gone afterwards. */
  redisRestart(): Promise<void>;

  /** Logs by component name (`nginx`, `nginx-access`, `redis`, `app1`, …). */
  logs(): Promise<Record<string, string>>;
  /** The rendered nginx config, for failure evidence. */
  nginxConfig(): Promise<string>;

  /** Tears everything down; idempotent; leaves no process behind. */
  down(): Promise<void>;
}
