import type { BalancerEngine, BalancerState } from '../vocabulary';

/** What kind of refusal: callers (CLI, control API) map it to an exit code or an HTTP status. */
export type TopologyErrorKind = 'unknown-replica' | 'illegal-transition' | 'invalid-argument' | 'no-redis' | 'down';

/** A request the topology refuses before touching anything; the message is for the user as is. */
export class TopologyError extends Error {
  constructor(
    readonly kind: TopologyErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'TopologyError';
  }
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
