/** Cheap per-process counters read by GET /stats. */
export class RequestStats {
  served = 0;
  readonly startedAt = Date.now();
  /** Set once SIGTERM arrives: responses then ask clients to close the connection. */
  draining = false;
}
