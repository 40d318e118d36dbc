// What every driver shares: replica names, validation and the wording of
// refusals, one queue that serialises every change, the ordering rules (out
// of the balancer before a replica is stopped for good; an added replica is
// done only when the balancer routes to it) and an idempotent down. A driver extends
// this class with what only it can do (see the abstract members).
import { BALANCERS, strategiesOf } from '../vocabulary';
import type {
  BalancerEngine, BalancerOp, DriverName, RedisState, ReplicaState, StoreKind, Strategy,
} from '../vocabulary';
import { TopologyError } from './errors';
import { byReplicaIndex, nextReplicaName, replicaName } from './names';
import { sentinelSettings } from './redis-ha';
import { waitUntilRouted } from './routing';
import { IntSetting, SESSION_MAX, SESSION_TTL_SECONDS } from '../../../../libs/env-keys';
import type { ReplicaInfo, SessionLimits, Topology, TopologyOptions, TopologyStatus } from './topology';
import { SerialQueue } from '../util/serial-queue';
import { drainRefusal, ReplicaMarks, ReplicaOp, replicaOpRefusal } from './transitions';

/** One `server` line of the balancer. */
export interface BalancerEntry {
  name: string;
  /** Marked down (`server … down`): keeps its hash slot, gets no traffic. */
  down: boolean;
  /** Draining: clients bound to it keep it, new clients go to the others (`down` wins). */
  drain: boolean;
}

export type RedisOp = 'pause' | 'resume' | 'restart' | 'kill';

/** The part of the status only the driver knows: Redis and the balancer. */
export type StatusRest = Omit<TopologyStatus, 'driver' | 'strategy' | 'store' | 'url' | 'replicas' | 'session'>;

const REDIS_FROM: Record<RedisOp, readonly RedisState[]> = {
  pause: ['running'],
  resume: ['paused'],
  restart: ['running', 'paused', 'stopped'],
  kill: ['running'],
};

/**
 * The session limits every replica gets, checked before anything starts
 * against the bounds cart-api enforces at boot (a replica refusing its
 * environment would fail late, as a crashed process). An explicit option
 * wins over the same variable in `env`.
 */
export function checkSessionLimits(opts: Pick<TopologyOptions, 'sessionTtlSeconds' | 'sessionMax' | 'env'>): SessionLimits {
  const one = (value: number | string | undefined, s: IntSetting, option: string): number => {
    const n = value === undefined ? s.fallback : Number(value);
    if (!Number.isInteger(n) || n < s.min || n > s.max || (typeof value === 'string' && !/^\d+$/.test(value))) {
      throw new TopologyError('invalid-argument', `${option} (${s.env}) must be a whole number from ${s.min} to ${s.max}, got ${String(value)}`);
    }
    return n;
  };
  return {
    ttlSeconds: one(opts.sessionTtlSeconds ?? opts.env?.[SESSION_TTL_SECONDS.env], SESSION_TTL_SECONDS, 'session TTL'),
    max: one(opts.sessionMax ?? opts.env?.[SESSION_MAX.env], SESSION_MAX, 'session max'),
  };
}

/** What a replica's environment says about sessions. */
export function sessionEnv(limits: SessionLimits): Record<string, string> {
  return { [SESSION_TTL_SECONDS.env]: String(limits.ttlSeconds), [SESSION_MAX.env]: String(limits.max) };
}

/** Checks a replica count before anything starts; the same words for every driver. */
export function checkReplicaCount(n: number): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new TopologyError('invalid-argument', `replicas must be a whole number ≥ 1, got ${n}`);
  }
  return n;
}

/** Refuses a replicated Redis the options cannot have, before anything starts; the same words for every driver. */
export function checkRedisHa(opts: Pick<TopologyOptions, 'store' | 'redisHa' | 'redisPersistence' | 'sentinel'>): void {
  if ((opts.redisHa ?? 'none') === 'none') return;
  if (opts.redisHa !== 'sentinel') throw new TopologyError('invalid-argument', `unknown redis-ha "${String(opts.redisHa)}": use none or sentinel`);
  if (opts.store !== 'redis') throw new TopologyError('invalid-argument', 'redis-ha sentinel needs the redis store');
  if ((opts.redisPersistence ?? 'none') !== 'none') {
    throw new TopologyError('invalid-argument', 'redis-ha sentinel runs without persistence: the copies on the replicas are what it measures');
  }
  sentinelSettings(opts.sentinel);
}

/**
 * Checks the balancer and that it runs the strategy, before anything starts;
 * the same words for every driver. Returns the engine (default nginx).
 */
export function checkBalancerStrategy(balancer: BalancerEngine | undefined, strategy: Strategy): BalancerEngine {
  const engine = balancer ?? 'nginx';
  if (!(BALANCERS as readonly string[]).includes(engine)) {
    throw new TopologyError('invalid-argument', `unknown balancer "${String(engine)}": use ${BALANCERS.join(' or ')}`);
  }
  const runs = strategiesOf(engine);
  if (!runs.includes(strategy)) {
    const other = BALANCERS.filter((b) => b !== engine && strategiesOf(b).includes(strategy));
    const hint = other.length ? ` (${strategy} runs on ${other.join(', ')}: add --balancer ${other[0]})` : '';
    throw new TopologyError('invalid-argument', `${engine} cannot run strategy "${strategy}"${hint}; it runs ${runs.join(', ')}`);
  }
  return engine;
}

export abstract class TopologyCore implements Topology {
  abstract readonly driver: DriverName;
  abstract readonly url: string;
  readonly strategy: Strategy;
  readonly store: StoreKind;
  readonly balancer: BalancerEngine;
  readonly session: SessionLimits;
  /** Replicas in the balancer's list (running or not), in name order. */
  private readonly members = new Set<string>();
  private readonly markedDown = new Set<string>();
  private readonly draining = new Set<string>();
  private readonly queue = new SerialQueue();
  private downing?: Promise<void>;

  protected constructor(opts: TopologyOptions) {
    this.strategy = opts.strategy;
    this.store = opts.store;
    this.balancer = checkBalancerStrategy(opts.balancer, opts.strategy);
    this.session = checkSessionLimits(opts);
  }

  // ---- what a driver does --------------------------------------------------

  /** Starts replica `name` (new, or a name that comes back after a removal) and resolves when it answers ready. */
  protected abstract createReplica(name: string): Promise<void>;
  /** Applies a signal-like operation; the core has already checked it is legal. */
  protected abstract replicaOp(name: string, op: ReplicaOp): Promise<void>;
  /** Ends a replica the balancer no longer lists (kept for its logs); `discard` after a failed add. */
  protected abstract retireReplica(name: string, how: 'stop' | 'discard'): Promise<void>;
  /** What the replica is doing now, as the driver observes it (follows the process; may ask an engine). */
  protected abstract replicaState(name: string): ReplicaState | Promise<ReplicaState>;
  /** Driver-specific fields of a replica's status (url, pid, port). */
  protected abstract replicaDetails(name: string): Omit<ReplicaInfo, 'name' | 'state' | 'markedDown'> | Promise<Omit<ReplicaInfo, 'name' | 'state' | 'markedDown'>>;
  /** Renders and applies the balancer for `entries`; resolves when it serves that config. */
  protected abstract applyBalancer(entries: BalancerEntry[]): Promise<void>;
  /** Restarts or reloads the balancer with its current config; resolves when it serves again. */
  protected abstract balancerOp(op: BalancerOp): Promise<void>;
  protected abstract redisOp(op: RedisOp): Promise<void>;
  /** Current Redis state; undefined without Redis. */
  protected abstract redisState(): RedisState | undefined | Promise<RedisState | undefined>;
  /** Frees everything; called once, after the queue has drained. */
  protected abstract teardown(): Promise<void>;
  protected abstract statusRest(): StatusRest | Promise<StatusRest>;

  abstract logs(): Promise<Record<string, string>>;
  /** The rendered balancer config, whichever engine. */
  abstract balancerConfig(): Promise<string>;

  // ---- shared bookkeeping for drivers -------------------------------------

  /** Current replica names, `app2` before `app10`. */
  protected names(): string[] {
    return [...this.members].sort(byReplicaIndex);
  }

  private marks(name: string): ReplicaMarks {
    return { name, markedDown: this.markedDown.has(name), draining: this.draining.has(name) };
  }

  protected balancerEntries(): BalancerEntry[] {
    return this.names().map((name) => ({ name, down: this.markedDown.has(name), drain: this.draining.has(name) }));
  }

  /** Boots `count` replicas, then the balancer: called once by the driver's start function. */
  protected async bootReplicas(count: number): Promise<string[]> {
    checkReplicaCount(count);
    const names = Array.from({ length: count }, (_, i) => replicaName(i + 1));
    names.forEach((n) => this.members.add(n));
    await Promise.all(names.map((n) => this.createReplica(n)));
    return names;
  }

  // ---- the Topology interface ----------------------------------------------

  async status(): Promise<TopologyStatus> {
    const replicas = await Promise.all(
      this.names().map(async (name) => ({
        ...this.marks(name),
        state: await this.replicaState(name),
        ...(await this.replicaDetails(name)),
      })),
    );
    const { driver, strategy, store, url, session } = this;
    return { driver, strategy, store, url, session, replicas, ...(await this.statusRest()) };
  }

  stop(name: string): Promise<void> {
    return this.signal(name, 'stop');
  }

  kill(name: string): Promise<void> {
    return this.signal(name, 'kill');
  }

  pause(name: string): Promise<void> {
    return this.signal(name, 'pause');
  }

  resume(name: string): Promise<void> {
    return this.signal(name, 'resume');
  }

  start(name: string): Promise<void> {
    return this.signal(name, 'start');
  }

  addReplica(): Promise<string> {
    return this.change(() => this.add());
  }

  removeReplica(name: string): Promise<void> {
    return this.change(() => this.remove(name));
  }

  scale(n: number): Promise<void> {
    return this.change(async () => {
      if (!Number.isInteger(n) || n < 1) {
        throw new TopologyError('invalid-argument', `scale needs a whole number of replicas ≥ 1, got ${n}`);
      }
      while (this.members.size < n) await this.add();
      while (this.members.size > n) await this.remove(this.names().at(-1)!);
    });
  }

  markDown(name: string, down: boolean): Promise<void> {
    return this.change(async () => {
      this.requireReplica(name);
      const was = this.markedDown.has(name);
      const set = (d: boolean) => (d ? this.markedDown.add(name) : this.markedDown.delete(name));
      set(down);
      try {
        await this.applyBalancer(this.balancerEntries());
      } catch (err) {
        set(was);
        throw err;
      }
    });
  }

  drain(name: string, on: boolean): Promise<void> {
    return this.change(async () => {
      this.requireReplica(name);
      // Undrain is always allowed (a rollout cleans up after a replica died).
      const refusal = on ? drainRefusal({ ...this.marks(name), state: await this.replicaState(name) }, this.names().map((n) => this.marks(n))) : null;
      if (refusal) throw new TopologyError('illegal-transition', refusal);
      const was = this.draining.has(name);
      const set = (d: boolean) => (d ? this.draining.add(name) : this.draining.delete(name));
      set(on);
      try {
        await this.applyBalancer(this.balancerEntries());
      } catch (err) {
        set(was);
        throw err;
      }
    });
  }

  restartBalancer(): Promise<void> {
    return this.change(() => this.balancerOp('restart'));
  }

  reloadBalancer(): Promise<void> {
    return this.change(() => this.balancerOp('reload'));
  }

  redisPause(): Promise<void> {
    return this.redisChange('pause');
  }

  redisResume(): Promise<void> {
    return this.redisChange('resume');
  }

  redisKill(): Promise<void> {
    return this.redisChange('kill');
  }

  redisRestart(): Promise<void> {
    return this.redisChange('restart');
  }

  down(): Promise<void> {
    this.downing ??= this.queue.run(() => this.teardown());
    return this.downing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.down();
  }

  // ---- rules ------------------------------------------------------------------

  /** Changes run one at a time, each from the state the previous one left. */
  protected change<T>(fn: () => Promise<T>): Promise<T> {
    if (this.downing) return Promise.reject(new TopologyError('down', 'topology is down'));
    return this.queue.run(fn);
  }

  private signal(name: string, op: ReplicaOp): Promise<void> {
    return this.change(async () => {
      this.requireReplica(name);
      const refusal = replicaOpRefusal(op, name, await this.replicaState(name));
      if (refusal) throw new TopologyError('illegal-transition', refusal);
      await this.replicaOp(name, op);
    });
  }

  private async add(): Promise<string> {
    const name = nextReplicaName(this.members);
    this.members.add(name);
    try {
      await this.createReplica(name);
      await this.applyBalancer(this.balancerEntries());
    } catch (err) {
      // Leave the topology as it was: no half-added replica.
      this.members.delete(name);
      await this.retireReplica(name, 'discard').catch(() => undefined);
      throw err;
    }
    await this.waitRouted(name);
    return name;
  }

  /** Resolves when the balancer sends requests to `name`, seen from outside like a user would. */
  protected waitRouted(name: string): Promise<void> {
    return waitUntilRouted(this.url, name);
  }

  private async remove(name: string): Promise<void> {
    this.requireReplica(name);
    if (this.members.size === 1) throw new TopologyError('illegal-transition', `cannot remove ${name}: it is the last replica`);
    const wasMarkedDown = this.markedDown.has(name);
    const wasDraining = this.draining.has(name);
    this.members.delete(name);
    this.markedDown.delete(name);
    this.draining.delete(name);
    try {
      // Out of the balancer first, so no request is sent to a replica being stopped.
      await this.applyBalancer(this.balancerEntries());
    } catch (err) {
      this.members.add(name);
      if (wasMarkedDown) this.markedDown.add(name);
      if (wasDraining) this.draining.add(name);
      throw err;
    }
    await this.retireReplica(name, 'stop');
  }

  private redisChange(op: RedisOp): Promise<void> {
    return this.change(async () => {
      const state = await this.redisState();
      if (state === undefined) throw new TopologyError('no-redis', `the ${this.store} store runs no Redis`);
      if (!REDIS_FROM[op].includes(state)) {
        throw new TopologyError('illegal-transition', `cannot ${op} redis: it is ${state}`);
      }
      await this.redisOp(op);
    });
  }

  private requireReplica(name: string): void {
    if (!this.members.has(name)) {
      throw new TopologyError('unknown-replica', `no replica named ${name} (have ${this.names().join(', ') || 'none'})`);
    }
  }
}
