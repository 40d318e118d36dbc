// The `process` driver: replicas are child processes of the built cart-api
// on fixed loopback ports, nginx is the machine's binary with a config
// rendered into a private run dir, Redis the machine's redis-server.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { nginxBinary } from '../nginx';
import { requireBinary } from '../process/find-binary';
import { freePort } from '../process/free-port';
import { killTreeNow, trackPids } from '../process/reaper';
import { RedisServer } from '../process/redis-server';
import { ReplicaProcess } from '../process/replica';
import { makeOwnedRunDir, removeRunDir } from '../process/run-dir';
import { NginxFront, startNginxFront } from './nginx-front';
import { byReplicaIndex, nextReplicaName, replicaName } from './names';
import { cartApiEntry } from './paths';
import { waitUntilRouted } from './routing';
import type { RedisState, ReplicaInfo, StoreKind, Strategy, Topology, TopologyOptions, TopologyStatus } from './topology';

export interface ProcessTopologyOptions extends TopologyOptions {
  /** Bound on one replica's boot (default 30 s: Nest boots slowly on a loaded machine). */
  readyTimeoutMs?: number;
  /** nginx proxy_read_timeout (default '5s'): how long a request waits on a paused replica. */
  proxyReadTimeout?: string;
}

export async function startProcessTopology(opts: ProcessTopologyOptions): Promise<ProcessTopology> {
  const count = opts.replicas ?? 3;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`replicas must be a whole number ≥ 1, got ${count}`);
  // Everything that can be missing is checked before anything is started.
  const entry = cartApiEntry();
  nginxBinary();
  if (opts.store === 'redis') requireBinary('redis-server', 'redis-server');
  const topo = new ProcessTopology(opts, entry, await makeOwnedRunDir());
  try {
    await topo.boot(count, opts.port);
  } catch (err) {
    await topo.down().catch(() => undefined);
    throw err;
  }
  return topo;
}

export class ProcessTopology implements Topology {
  readonly driver = 'process' as const;
  readonly strategy: Strategy;
  readonly store: StoreKind;
  private readonly replicas = new Map<string, ReplicaProcess>();
  /** Removed replicas, kept so their logs stay available as evidence. */
  private readonly retired = new Map<string, ReplicaProcess>();
  private readonly ports = new Map<string, number>();
  private readonly drained = new Set<string>();
  private readonly secret: string;
  private nginx?: NginxFront;
  private redis?: RedisServer;
  private redisState: RedisState = 'stopped';
  private untrack: () => void;
  private changes: Promise<unknown> = Promise.resolve();
  private downing?: Promise<void>;

  constructor(
    private readonly opts: ProcessTopologyOptions,
    private readonly entry: string,
    /** Private directory with the nginx config, nginx logs and `appN.log`. */
    readonly runDir: string,
  ) {
    this.strategy = opts.strategy;
    this.store = opts.store;
    this.secret = opts.sessionSecret ?? randomBytes(24).toString('hex');
    this.untrack = trackPids(() => this.pids(), runDir);
  }

  get url(): string {
    if (!this.nginx) throw new Error('topology is not up');
    return this.nginx.url;
  }

  /** Every live pid the topology owns (replicas, nginx master, redis-server). */
  pids(): Array<number | undefined> {
    const reps = [...this.replicas.values(), ...this.retired.values()].map((r) => r.pid);
    return [...reps, this.nginx?.pid, this.redis?.pid];
  }

  async boot(count: number, port?: number): Promise<void> {
    if (this.store === 'redis') {
      this.redis = await RedisServer.start();
      this.redisState = 'running';
    }
    const names = Array.from({ length: count }, (_, i) => replicaName(i + 1));
    await Promise.all(names.map((n) => this.spawnReplica(n)));
    this.nginx = await startNginxFront({
      strategy: this.strategy,
      runDir: this.runDir,
      port: port || (await freePort()),
      replicas: this.upstreams(),
      proxyReadTimeout: this.opts.proxyReadTimeout,
    });
  }

  async status(): Promise<TopologyStatus> {
    return {
      driver: this.driver,
      strategy: this.strategy,
      store: this.store,
      url: this.url,
      replicas: this.names().map((n) => this.info(n)),
      redis: this.redis ? { url: this.redis.url, state: this.redisState } : undefined,
      nginx: { version: this.nginx!.version, sticky: this.strategy === 'sticky-cookie' ? this.nginx!.stickyMode : 'n/a' },
    };
  }

  async stop(name: string): Promise<void> {
    return this.replica(name).stop();
  }

  async kill(name: string): Promise<void> {
    return this.replica(name).kill();
  }

  async pause(name: string): Promise<void> {
    return this.replica(name).pause();
  }

  async resume(name: string): Promise<void> {
    return this.replica(name).resume();
  }

  async start(name: string): Promise<void> {
    return this.replica(name).start();
  }

  addReplica(): Promise<string> {
    return this.change(async () => {
      const name = nextReplicaName(this.replicas.keys());
      try {
        await this.spawnReplica(name);
        await this.reload();
      } catch (err) {
        // Leave the topology as it was: no half-added replica.
        await this.replicas.get(name)?.kill();
        this.retire(name);
        throw err;
      }
      await waitUntilRouted(this.url, name);
      return name;
    });
  }

  removeReplica(name: string): Promise<void> {
    return this.change(async () => {
      const replica = this.replica(name);
      if (this.replicas.size === 1) throw new Error(`cannot remove ${name}: it is the last replica`);
      const wasDrained = this.drained.has(name);
      this.retire(name);
      try {
        // Out of nginx first, so no request is sent to a replica being stopped.
        await this.reload();
      } catch (err) {
        this.retired.delete(name);
        this.replicas.set(name, replica);
        if (wasDrained) this.drained.add(name);
        throw err;
      }
      await replica.stop();
    });
  }

  async scale(n: number): Promise<void> {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`scale needs a whole number of replicas ≥ 1, got ${n}`);
    while (this.replicas.size < n) await this.addReplica();
    while (this.replicas.size > n) await this.removeReplica(this.names().at(-1)!);
  }

  markDown(name: string, down: boolean): Promise<void> {
    return this.change(async () => {
      this.replica(name);
      const was = this.drained.has(name);
      const set = (d: boolean) => (d ? this.drained.add(name) : this.drained.delete(name));
      set(down);
      try {
        await this.reload();
      } catch (err) {
        set(was);
        throw err;
      }
    });
  }

  async redisPause(): Promise<void> {
    this.requireRedis().pause();
    this.redisState = 'paused';
  }

  async redisResume(): Promise<void> {
    this.requireRedis().resume();
    this.redisState = 'running';
  }

  async redisRestart(): Promise<void> {
    const redis = this.requireRedis();
    this.redisState = 'stopped';
    await redis.restart();
    this.redisState = 'running';
  }

  async logs(): Promise<Record<string, string>> {
    const out: Record<string, string> = {
      nginx: (await this.nginx?.errorLog()) ?? '',
      'nginx-access': (await this.nginx?.accessLog()) ?? '',
    };
    if (this.redis) out.redis = this.redis.logs();
    const all = [...this.retired.entries(), ...this.replicas.entries()].sort(([a], [b]) => byReplicaIndex(a, b));
    for (const [name, r] of all) out[name] = r.logs();
    return out;
  }

  async nginxConfig(): Promise<string> {
    return this.nginx?.config() ?? '';
  }

  down(): Promise<void> {
    this.downing ??= this.teardown();
    return this.downing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.down();
  }

  private async teardown(): Promise<void> {
    await this.changes.catch(() => undefined);
    const errors: unknown[] = [];
    const attempt = async (what: string, fn: () => Promise<unknown> | unknown, fallbackPid?: number) => {
      try {
        await fn();
      } catch (err) {
        if (fallbackPid) killTreeNow(fallbackPid);
        errors.push(new Error(`${what}: ${err instanceof Error ? err.message : String(err)}`));
      }
    };
    const reps = [...this.replicas.values(), ...this.retired.values()];
    await Promise.all(reps.map((r) => attempt(`kill ${r.name}`, () => r.kill(), r.pid)));
    reps.forEach((r) => r.close());
    if (this.nginx) await attempt('stop nginx', () => this.nginx!.kill(), this.nginx.pid);
    if (this.redis) await attempt('stop redis', () => this.redis!.stop(), this.redis.pid);
    this.redisState = 'stopped';
    this.untrack();
    await attempt('remove run dir', () => removeRunDir(this.runDir));
    if (errors.length) throw new AggregateError(errors, `teardown of ${this.runDir}: ${errors.map(String).join('; ')}`);
  }

  private async spawnReplica(name: string): Promise<void> {
    const port = this.ports.get(name) ?? (await freePort());
    this.ports.set(name, port);
    // A name that comes back (scale 2 → 3) is the same replica: same port, same log.
    const replica = this.retired.get(name) ?? new ReplicaProcess({
      name,
      port,
      entry: this.entry,
      env: this.replicaEnv(),
      logFile: join(this.runDir, `${name}.log`),
      readyTimeoutMs: this.opts.readyTimeoutMs,
    });
    this.replicas.set(name, replica);
    this.retired.delete(name);
    await replica.start();
  }

  private replicaEnv(): Record<string, string> {
    return {
      SESSION_STORE: this.store,
      ...(this.redis ? { REDIS_URL: this.redis.url } : {}),
      SESSION_SECRET: this.secret,
      SESSION_TTL_SECONDS: String(this.opts.sessionTtlSeconds ?? 1800),
      LOG_LEVEL: 'info',
      ...this.opts.env,
    };
  }

  private upstreams() {
    return this.names().map((name) => ({ name, host: '127.0.0.1', port: this.ports.get(name)!, down: this.drained.has(name) }));
  }

  private async reload(): Promise<void> {
    if (!this.nginx) throw new Error('topology is not up');
    await this.nginx.reload(this.upstreams());
  }

  /** Config changes run one at a time: each renders from the state the previous one left. */
  private change<T>(fn: () => Promise<T>): Promise<T> {
    if (this.downing) return Promise.reject(new Error('topology is down'));
    const next = this.changes.catch(() => undefined).then(fn);
    this.changes = next;
    return next;
  }

  /** Out of the replica list; kept for its logs. */
  private retire(name: string): void {
    const r = this.replicas.get(name);
    this.replicas.delete(name);
    this.drained.delete(name);
    if (r) this.retired.set(name, r);
  }

  private names(): string[] {
    return [...this.replicas.keys()].sort(byReplicaIndex);
  }

  private replica(name: string): ReplicaProcess {
    const r = this.replicas.get(name);
    if (!r) throw new Error(`no replica named ${name} (have ${this.names().join(', ') || 'none'})`);
    return r;
  }

  private info(name: string): ReplicaInfo {
    const r = this.replica(name);
    return { name, state: r.state, drained: this.drained.has(name), url: r.url, pid: r.pid, port: this.ports.get(name) };
  }

  private requireRedis(): RedisServer {
    if (!this.redis) throw new Error(`the ${this.store} store runs no Redis`);
    return this.redis;
  }
}
