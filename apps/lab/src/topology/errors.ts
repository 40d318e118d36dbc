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
