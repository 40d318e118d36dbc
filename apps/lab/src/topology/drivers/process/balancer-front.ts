// What the process driver needs from the balancer in front of the replicas,
// whichever engine it is (nginx-front.ts, haproxy-front.ts). Every change is
// confirmed from outside: the front answers a new generation on
// /__lab/generation before a reload or restart resolves.
import type { BalancerEngine, BalancerState } from '../../../vocabulary';
import { freePort } from '../../../util/free-port';
import { refuseDead } from '../../errors';

/** One server line: a replica's address and whether it takes traffic. */
export interface FrontReplica {
  name: string;
  host: string;
  port: number;
  /** nginx `server … down` / HAProxy `disabled`: no traffic at all. */
  down?: boolean;
  /** Bound clients only (HAProxy `drain`, nginx's portable equivalent): new ones go elsewhere. */
  drain?: boolean;
}

export interface BalancerFront {
  readonly engine: BalancerEngine;
  /** Stays the same across reloads and restarts. */
  readonly url: string;
  /** The master process; undefined once it ended. */
  readonly pid: number | undefined;
  readonly version: string;
  /** Which sticky-cookie form runs (`n/a` for the other strategies). */
  readonly sticky: 'native' | 'portable' | 'n/a';
  /** `dead` once the master ended without the lab asking. */
  readonly state: BalancerState;
  /** Renders `replicas` and reloads gracefully; resolves when the new generation serves. */
  reload(replicas: FrontReplica[]): Promise<void>;
  /** Graceful reload of the current config (new workers; learned state stays where the engine keeps it). */
  reloadSame(): Promise<void>;
  /**
   * Ends the process (gracefully, in-flight requests finish) and starts a new
   * one on the same address with the same replicas; works on a dead front too.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
  kill(): Promise<void>;
  /** Log text by component name (`nginx`, `nginx-access` / `haproxy`, `haproxy-access`). */
  logs(): Record<string, string>;
  /** The rendered config, for failure evidence. */
  config(): string;
  /** What the balancer's own health check says of each server, by name (HAProxy; nginx has no active check). */
  health?(): Promise<Record<string, ServerHealth>>;
}

export type ServerHealth = 'up' | 'down';


/** What a front needs of an engine's process manager (NginxProcess, HaproxyProcess). */
export interface FrontProcess {
  readonly url: string;
  readonly pid: number | undefined;
  readonly running: boolean;
  readonly dead: boolean;
  stop(): Promise<void>;
  kill(): Promise<void>;
  errorLog(): string;
  /** The error log's last lines, for an error message. */
  lastErrors(): string;
  accessLog(): string;
}

/** What differs between engines; `startFront` does the rest the same way for both. */
export interface FrontEngine<P extends FrontProcess, R extends { text: string }> {
  engine: BalancerEngine;
  version: string;
  replicas: FrontReplica[];
  /** A port the user asked for (taken: start fails); undefined: a free one, retried if lost to a race. */
  port?: number;
  render(replicas: FrontReplica[], port: number, generation: number): Promise<R>;
  start(rendered: R): Promise<P>;
  /** The start failed because another process holds the port. */
  portTaken(err: unknown): boolean;
  /** Graceful reload into `rendered`; resolves when `generation` serves. */
  reload(proc: P, rendered: R, generation: number): Promise<void>;
  sticky(rendered: R): BalancerFront['sticky'];
  health?(proc: P): Promise<Record<string, ServerHealth>>;
}

/** Attempts when a port picked for a balancer is taken between the pick and its bind. */
const PORT_ATTEMPTS = 5;

/**
 * Renders, starts (on a free port, retried if lost to a race), and gives the
 * one BalancerFront both engines share: every reload and restart bumps the
 * generation the engine confirms from outside; a restart whose new process
 * did not come up leaves the front `dead` until another restart works.
 */
export async function startFront<P extends FrontProcess, R extends { text: string }>(e: FrontEngine<P, R>): Promise<BalancerFront> {
  let generation = 1;
  let port = e.port || (await freePort());
  let replicas = e.replicas;
  let rendered = await e.render(replicas, port, generation);
  let proc: P | undefined;
  for (let attempt = 1; !proc; attempt += 1) {
    try {
      proc = await e.start(rendered);
    } catch (err) {
      if (!e.portTaken(err) || e.port || attempt >= PORT_ATTEMPTS) throw err;
      port = await freePort();
      rendered = await e.render(replicas, port, generation);
    }
  }
  let current: P = proc;
  let lost = false;
  const state = (): BalancerState => (lost || current.dead ? 'dead' : 'running');
  const reloadWith = async (next: FrontReplica[]) => {
    refuseDead(e.engine, state(), current.lastErrors());
    generation += 1;
    replicas = next;
    rendered = await e.render(replicas, port, generation);
    await e.reload(current, rendered, generation);
  };
  return {
    engine: e.engine,
    url: current.url,
    version: e.version,
    get pid() {
      return current.running ? current.pid : undefined;
    },
    get state() {
      return state();
    },
    get sticky() {
      return e.sticky(rendered);
    },
    reload: reloadWith,
    reloadSame: () => reloadWith(replicas),
    restart: async () => {
      // A graceful stop: in-flight requests finish before the port is let go.
      await current.stop();
      generation += 1;
      rendered = await e.render(replicas, port, generation);
      lost = true;
      current = await e.start(rendered);
      lost = false;
    },
    stop: () => current.stop(),
    kill: () => current.kill(),
    logs: () => ({ [e.engine]: current.errorLog(), [`${e.engine}-access`]: current.accessLog() }),
    config: () => rendered.text,
    ...(e.health ? { health: () => e.health!(current) } : {}),
  };
}
