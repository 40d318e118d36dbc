// What the live-*.test.ts suites share.
/** Probes reach each replica on its own port: the process driver's topology. */
export const LIVE = { processOnly: 'the live scenarios reach replicas on their own loopback ports', timeoutMs: 150_000 };
