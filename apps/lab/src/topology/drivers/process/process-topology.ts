// The `process` driver: replicas are child processes of the built cart-api
// on fixed loopback addresses given by their names (identity.ts), the balancer (nginx or HAProxy) is
// the machine's binary with a config rendered into a private run dir, Redis
// the machine's redis-server.
// Only what needs processes lives here; the rules are in TopologyCore.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { haproxyBinary } from '../../../haproxy';
import { nginxBinary } from '../../../nginx';
import { requireBinary } from '../../../util/find-binary';
import { killTreeNow, trackPids } from '../../../util/reaper';
import { makeOwnedRunDir, removeRunDir } from '../../../util/run-dir';
import { isCommonStrategy } from '../../../vocabulary';
import type { BalancerOp, RedisPersistence, RedisState, ReplicaState } from '../../../vocabulary';
import { TopologyError } from '../../errors';
import { BalancerEntry, checkBalancerStrategy, checkRedisHa, checkReplicaCount, checkSessionLimits, RedisOp, sessionEnv, StatusRest, TopologyCore } from '../../core';
import { byReplicaIndex } from '../../names';
import { cartApiEntry } from '../../paths';
import type { ReplicaInfo, TopologyOptions } from '../../topology';
import type { ReplicaOp } from '../../transitions';
import type { BalancerFront, FrontReplica } from './balancer-front';
import { startHaproxyFront } from './haproxy-front';
import { startNginxFront } from './nginx-front';
import { checkAddressable, leaseSlot, replicaIdentity, SlotLease } from './identity';
import { RedisServer, redisDataDir } from './redis-server';
import { RedisSentinelGroup } from './redis-sentinel';
import { ReplicaProcess } from './replica';

export interface ProcessTopologyOptions extends TopologyOptions {
  /** Bound on one replica's boot (default 30 s: Nest boots slowly on a loaded machine). */
  readyTimeoutMs?: number;
  /**
   * How long a request waits on a paused replica (default '5s'): nginx
   * proxy_read_timeout, HAProxy `timeout server` (same time syntax).
   */
  proxyReadTimeout?: string;
  /** One address or CIDR the balancer's per-client rate limit does not count (default 127.0.0.1). */
  rateExempt?: string;
}

export async function startProcessTopology(opts: ProcessTopologyOptions): Promise<ProcessTopology> {
  const count = checkReplicaCount(opts.replicas ?? 3);
  checkSessionLimits(opts);
  // Everything that can be missing is checked before anything is started.
  const entry = cartApiEntry();
  const balancer = checkBalancerStrategy(opts.balancer, opts.strategy);
  if (balancer === 'haproxy') haproxyBinary();
  else nginxBinary();
  if (opts.store === 'redis') requireBinary('redis-server', 'redis-server');
  checkRedisHa(opts);
  checkAddressable(count);
  const lease = await leaseSlot(count);
  const runDir = await makeOwnedRunDir().catch(async (err) => {
    await lease.release();
    throw err;
  });
  const topo = new ProcessTopology(opts, entry, runDir, lease);
  try {
    await topo.boot(count);
  } catch (err) {
    await topo.down().catch(() => undefined);
    throw err;
  }
  return topo;
}

export class ProcessTopology extends TopologyCore {
  readonly driver = 'process' as const;
  /** Every replica ever started, removed ones included: their logs stay available as evidence. */
  private readonly replicas = new Map<string, ReplicaProcess>();
  private readonly secret: string;
  private readonly persistence: RedisPersistence;
  private front?: BalancerFront;
  private redis?: RedisServer;
  private redisHa?: RedisSentinelGroup;
  /** Under Sentinel: the node redisPause() froze (the primary then), which redisResume() thaws. */
  private pausedNode?: RedisServer;
  private redisNow: RedisState = 'stopped';
  private readonly untrack: () => void;

  constructor(
    private readonly opts: ProcessTopologyOptions,
    private readonly entry: string,
    /** Private directory with the nginx config, nginx logs and `appN.log`. */
    readonly runDir: string,
    /** The slot of the replicas' fixed addresses; given back once they are dead. */
    private readonly lease: SlotLease,
  ) {
    super(opts);
    this.secret = opts.sessionSecret ?? randomBytes(24).toString('hex');
    this.persistence = opts.redisPersistence ?? 'none';
    this.untrack = trackPids(() => this.pids(), runDir);
  }

  get url(): string {
    if (!this.front) throw new Error('topology is not up');
    return this.front.url;
  }

  /** Every live pid the topology owns (replicas, balancer master, redis-server). */
  pids(): Array<number | undefined> {
    return [...[...this.replicas.values()].map((r) => r.pid), this.front?.pid, this.redis?.pid, ...(this.redisHa?.pids() ?? [])];
  }

  async boot(count: number): Promise<void> {
    if (this.store === 'redis' && this.opts.redisHa === 'sentinel') {
      this.redisHa = await RedisSentinelGroup.start(join(this.runDir, 'sentinel'), this.opts.sentinel);
      this.redisNow = 'running';
    } else if (this.store === 'redis') {
      this.redis = await RedisServer.start({ persistence: this.persistence, dir: redisDataDir(this.runDir) });
      this.redisNow = 'running';
    }
    await this.bootReplicas(count);
    this.front = await this.startFront(this.upstreams(this.balancerEntries()));
  }

  private startFront(replicas: FrontReplica[]): Promise<BalancerFront> {
    const { runDir, strategy } = this;
    const port = this.opts.port;
    const timeout = this.opts.proxyReadTimeout;
    if (this.balancer === 'haproxy') return startHaproxyFront({ strategy, runDir, port, replicas, serverTimeout: timeout, rateExempt: this.opts.rateExempt });
    if (!isCommonStrategy(strategy)) throw new TopologyError('invalid-argument', `nginx cannot run ${strategy}`);
    return startNginxFront({ strategy, runDir, port, replicas, proxyReadTimeout: timeout, rateExempt: this.opts.rateExempt });
  }

  /** The slot goes to the next boot in this process as soon as the replicas are dead (the report overlaps them). */
  down(): Promise<void> {
    this.lease.closing();
    return super.down();
  }

  async logs(): Promise<Record<string, string>> {
    const out: Record<string, string> = { ...this.front?.logs() };
    if (this.redis) out.redis = this.redis.logs();
    Object.assign(out, this.redisHa?.logs());
    for (const name of [...this.replicas.keys()].sort(byReplicaIndex)) out[name] = this.replicas.get(name)!.logs();
    return out;
  }

  async balancerConfig(): Promise<string> {
    return this.front?.config() ?? '';
  }

  protected async statusRest(): Promise<StatusRest> {
    const front = this.front!;
    const ha = this.redisHa;
    return {
      redis: ha
        ? { url: `redis-sentinel://${ha.sentinelList}/${ha.settings.name}`, state: this.redisNow, persistence: 'none', ha: await ha.status() }
        : this.redis ? { url: this.redis.url, state: this.redisNow, persistence: this.persistence } : undefined,
      balancer: { engine: front.engine, version: front.version, sticky: front.sticky, state: front.state, pid: front.pid },
    };
  }

  protected async createReplica(name: string): Promise<void> {
    // A name that comes back (scale 2 → 3) is the same replica: same port, same log.
    let replica = this.replicas.get(name);
    if (!replica) {
      replica = new ReplicaProcess({
        name,
        entry: this.entry,
        ...replicaIdentity(this.lease.slot, name),
        env: this.replicaEnv(),
        logFile: join(this.runDir, `${name}.log`),
        readyTimeoutMs: this.opts.readyTimeoutMs,
      });
      this.replicas.set(name, replica);
    }
    if (!replica.alive) await replica.start();
  }

  protected replicaOp(name: string, op: ReplicaOp): Promise<void> {
    return this.replicas.get(name)![op]();
  }

  protected async retireReplica(name: string, how: 'stop' | 'discard'): Promise<void> {
    const replica = this.replicas.get(name);
    if (how === 'discard') await replica?.kill();
    else await replica?.stop();
  }

  protected replicaState(name: string): ReplicaState {
    return this.replicas.get(name)!.state;
  }

  protected async replicaDetails(name: string): Promise<Omit<ReplicaInfo, 'name' | 'state' | 'markedDown'>> {
    const r = this.replicas.get(name)!;
    const front = this.front;
    // A dead balancer checks nothing; an unanswered runtime API is no evidence either way.
    const checked = front?.health && front.state === 'running' ? await front.health().catch(() => undefined) : undefined;
    const health = checked?.[name];
    return { url: r.url, pid: r.pid, port: r.port, ...(health ? { health } : {}) };
  }

  protected async applyBalancer(entries: BalancerEntry[]): Promise<void> {
    if (!this.front) throw new Error('topology is not up');
    await this.front.reload(this.upstreams(entries));
  }

  protected async balancerOp(op: BalancerOp): Promise<void> {
    if (!this.front) throw new Error('topology is not up');
    if (op === 'restart') await this.front.restart();
    else await this.front.reloadSame();
  }

  protected redisState(): RedisState | undefined {
    return this.redis || this.redisHa ? this.redisNow : undefined;
  }

  protected async redisOp(op: RedisOp): Promise<void> {
    if (this.redisHa) return this.sentinelOp(this.redisHa, op);
    const redis = this.redis!;
    if (op === 'kill') {
      await redis.kill();
      this.redisNow = 'stopped';
      return;
    }
    if (op === 'pause') redis.pause();
    if (op === 'resume') redis.resume();
    if (op === 'restart') {
      this.redisNow = 'stopped';
      await redis.restart();
    }
    this.redisNow = op === 'pause' ? 'paused' : 'running';
  }

  protected async teardown(): Promise<void> {
    const errors: unknown[] = [];
    const attempt = async (what: string, fn: () => Promise<unknown> | unknown, fallbackPid?: number) => {
      try {
        await fn();
      } catch (err) {
        if (fallbackPid) killTreeNow(fallbackPid);
        errors.push(new Error(`${what}: ${err instanceof Error ? err.message : String(err)}`));
      }
    };
    const reps = [...this.replicas.values()];
    await Promise.all(reps.map((r) => attempt(`kill ${r.name}`, () => r.kill(), r.pid)));
    reps.forEach((r) => r.close());
    // A replica that outlived its kill keeps its address: the next lease's probe skips the slot.
    await this.lease.release();
    if (this.front) await attempt(`stop ${this.balancer}`, () => this.front!.kill(), this.front.pid);
    if (this.redis) await attempt('stop redis', () => this.redis!.stop(), this.redis.pid);
    if (this.redisHa) await attempt('stop redis sentinel group', () => this.redisHa!.stop());
    this.redisNow = 'stopped';
    this.untrack();
    await attempt('remove run dir', () => removeRunDir(this.runDir));
    if (errors.length) throw new AggregateError(errors, `teardown of ${this.runDir}: ${errors.map(String).join('; ')}`);
  }

  private replicaEnv(): Record<string, string> {
    return {
      SESSION_STORE: this.store,
      ...(this.redis ? { REDIS_URL: this.redis.url } : {}),
      ...(this.redisHa ? { REDIS_SENTINELS: this.redisHa.sentinelList, REDIS_SENTINEL_NAME: this.redisHa.settings.name } : {}),
      SESSION_SECRET: this.secret,
      LOG_LEVEL: 'info',
      ...this.opts.env,
      // After env: the limits status reports are the ones every replica runs.
      ...sessionEnv(this.session),
    };
  }

  /** Pause and kill hit the node the Sentinels call primary now; the group itself keeps `running`. */
  private async sentinelOp(group: RedisSentinelGroup, op: RedisOp): Promise<void> {
    if (op === 'resume') {
      this.pausedNode?.resume();
      this.pausedNode = undefined;
      this.redisNow = 'running';
      return;
    }
    if (op === 'restart') throw new TopologyError('invalid-argument', 'under Sentinel a restart is not offered: kill the primary and Sentinel promotes a replica');
    const primary = await group.primary();
    if (!primary) throw new TopologyError('illegal-transition', `the Sentinels agree on no primary now: cannot ${op} it`);
    if (op === 'kill') return primary.kill();
    primary.pause();
    this.pausedNode = primary;
    this.redisNow = 'paused';
  }

  private upstreams(entries: BalancerEntry[]): FrontReplica[] {
    return entries.map(({ name, down, drain }) => {
      const r = this.replicas.get(name)!;
      return { name, host: r.host, port: r.port, down, drain };
    });
  }
}
