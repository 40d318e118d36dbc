// What the process driver needs from the balancer in front of the replicas,
// whichever engine it is (nginx-front.ts, haproxy-front.ts). Every change is
// confirmed from outside: the front answers a new generation on
// /__lab/generation before a reload or restart resolves.
import type { BalancerEngine, BalancerState } from '../../../vocabulary';
import { TopologyError } from '../../errors';

/** One server line: a replica's address and whether it takes traffic. */
export interface FrontReplica {
  name: string;
  host: string;
  port: number;
  /** nginx `server … down` / HAProxy `disabled`: no traffic at all. */
  down?: boolean;
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
}

/** A dead front refuses a reload: only a restart (or down and up) brings it back. */
export function refuseDead(engine: BalancerEngine, state: BalancerState, detail: string): void {
  if (state === 'dead') {
    throw new TopologyError(
      'illegal-transition',
      `${engine} is dead (its master exited: ${detail}); restart the balancer (lab balancer restart), or run down and up again`,
    );
  }
}
