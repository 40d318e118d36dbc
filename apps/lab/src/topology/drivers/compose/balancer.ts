// The balancer container under Compose (nginx, or HAProxy with
// docker-compose.haproxy.yml): started once, then only re-rendered and
// reloaded in place, each render confirmed by the generation it serves. Its
// status (state, version, sticky form) is read from the engine.
import type { BalancerEngine, BalancerOp, Strategy } from '../../../vocabulary';
import { waitFor } from '../../../util/wait';
import { healthOf, parseServersState, serversStateCommand } from '../../../haproxy/runtime-api';
import type { BalancerEntry, StatusRest } from '../../core';
import { refuseDead } from '../../errors';
import type { RunResult } from './cli';
import * as c from './commands';
import { getText } from './http';
import type { Container } from './ps';

/** One Compose call in the driver's project, with its environment. */
export type Compose = (args: string[], timeoutMs?: number) => Promise<RunResult>;

const READY_TIMEOUT_MS = 60_000;

export interface BalancerDeps {
  engine: BalancerEngine;
  strategy: Strategy;
  compose: Compose;
  /** The project's containers, by service (a snapshot shared by concurrent callers). */
  containers: () => Promise<Map<string, Container>>;
  /** The published entry URL (known once the container is up). */
  url: () => string;
}

export class ComposeBalancer {
  private version?: string;
  /** Which sticky form the loaded config uses; cleared by every re-render. */
  private sticky?: 'native' | 'portable' | 'n/a';
  /** Bumped on every re-render; nginx serves it at /__lab/generation. */
  private generation = 0;
  /** One runtime API read shared by every caller while it runs (status() asks for each replica at once). */
  private healthRead?: Promise<Record<string, 'up' | 'down'> | undefined>;

  constructor(private readonly d: BalancerDeps) {}

  async untilAnswers(): Promise<void> {
    await waitFor(`${this.d.engine} to answer through its published port`, async () => (await getText(`${this.d.url()}${c.GENERATION_PATH}`)) !== null, {
      timeoutMs: READY_TIMEOUT_MS,
      intervalMs: 250,
    });
  }

  /** Re-renders and reloads the balancer in place; resolves once a request is served by the new config. */
  async apply(entries: BalancerEntry[], addresses: Record<string, string>): Promise<void> {
    // A balancer container that ended refuses a re-render as the process driver's dead front does.
    const lb = (await this.d.containers()).get(this.d.engine);
    if (!lb || lb.state === 'exited' || lb.state === 'dead') refuseDead(this.d.engine, 'dead', `its container is ${lb?.state ?? 'gone'}`);
    const generation = this.generation + 1;
    this.sticky = undefined;
    await this.d.compose(c.rerenderArgs(this.d.engine, {
      strategy: this.d.strategy,
      replicas: entries.map((e) => e.name),
      down: entries.filter((e) => e.down).map((e) => e.name),
      drain: entries.filter((e) => e.drain && !e.down).map((e) => e.name),
      generation,
      addresses,
    }));
    this.generation = generation;
    // Old workers finish their requests on the old config: poll until a new one answers.
    await waitFor(`${this.d.engine} to serve config generation ${generation}`, async () => {
      return (await getText(`${this.d.url()}${c.GENERATION_PATH}`))?.trim() === String(generation);
    }, { timeoutMs: 20_000, intervalMs: 100 });
  }

  /** The loaded config (nginx -T, or HAProxy's rendered file), for evidence. */
  async config(): Promise<string> {
    return (await this.d.compose(c.configArgs(this.d.engine))).stdout;
  }

  async status(): Promise<StatusRest['balancer']> {
    const { engine, strategy } = this.d;
    const lb = (await this.d.containers()).get(engine);
    const state = lb?.state === 'running' ? 'running' : 'dead';
    const cookie = strategy === 'sticky-cookie' && engine === 'nginx';
    if (state === 'running') {
      this.version ??= c.parseBalancerVersion(engine, await this.d.compose(c.versionArgs(engine)));
      if (cookie) this.sticky ??= c.stickyKind(strategy, await this.config());
    }
    // HAProxy's cookie is always its own `cookie … insert` (native); nginx's form depends on its version.
    return { engine, version: this.version ?? 'unknown', sticky: cookie ? (this.sticky ?? 'portable') : strategy === 'sticky-cookie' ? 'native' : 'n/a', state };
  }

  /**
   * What HAProxy's own health check says of each server, read from its
   * runtime API (`show servers state`), as the process driver reads it.
   * Undefined where nothing is read: nginx has no active check, a balancer
   * that is not running checks nothing, and a read that fails is not a verdict.
   */
  health(): Promise<Record<string, 'up' | 'down'> | undefined> {
    if (this.d.engine !== 'haproxy') return Promise.resolve(undefined);
    this.healthRead ??= this.readHealth().finally(() => (this.healthRead = undefined));
    return this.healthRead;
  }

  private async readHealth(): Promise<Record<string, 'up' | 'down'> | undefined> {
    if ((await this.d.containers()).get(this.d.engine)?.state !== 'running') return undefined;
    try {
      return healthOf(parseServersState((await this.d.compose(c.haproxyRuntimeArgs(serversStateCommand()), 10_000)).stdout));
    } catch {
      return undefined;
    }
  }

  /**
   * restart: `docker compose restart` (a new master process: round-robin
   * position, passive failure state and stick tables are gone); the container
   * starts from its boot config, so the caller applies the current one again,
   * as after a reload: the current config re-rendered at a new generation and
   * reloaded gracefully (`nginx -s reload`, SIGUSR2 to HAProxy's master).
   */
  async op(op: BalancerOp): Promise<void> {
    if (op !== 'restart') return;
    if ((await this.d.containers()).get(this.d.engine)?.state === 'paused') await this.d.compose(c.unpauseArgs(this.d.engine));
    await this.d.compose(c.restartArgs(this.d.engine));
    this.version = undefined;
    await this.untilAnswers();
  }
}
