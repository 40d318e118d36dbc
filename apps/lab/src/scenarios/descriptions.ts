// What each scenario is, in words: shared by the runners, the report and the
// docs. Pure data (no topology imports) so renderers stay unit-testable and
// the report can read every scenario's words without loading its code.

export interface ScenarioInfo {
  id: string;
  title: string;
  /** The fault injected, as a person would say it. */
  fault: string;
  /** What to look at in this scenario's numbers. */
  read: string;
}

export const SCENARIO_DESCRIPTIONS: readonly ScenarioInfo[] = [
  {
    id: 'steady-state',
    title: 'Steady state',
    fault: 'none: every client adds items and reads its cart',
    read: 'Without affinity (round-robin) a memory cart flickers: "clients moved" is the share of clients served by more than one replica. url-hash pins URLs, not users.',
  },
  {
    id: 'replica-killed',
    title: 'Replica killed',
    fault: 'SIGKILL app2',
    read: 'With the memory store exactly the clients that were on app2 lose their carts; with Redis nobody does.',
  },
  {
    id: 'replica-stopped',
    title: 'Replica stopped gracefully',
    fault: 'SIGTERM app2 while clients are busy',
    read: 'A graceful stop finishes what is in flight (no failed requests), but the memory carts on app2 are gone anyway.',
  },
  {
    id: 'replica-returns',
    title: 'Replica comes back',
    fault: 'SIGKILL app2, clients rebuild their carts elsewhere, start app2',
    read: 'Hash strategies send the displaced clients back to app2 and they lose the cart they rebuilt (flip-flop); sticky-cookie clients stay where they were re-pinned.',
  },
  {
    id: 'scale-out',
    title: 'Scale out 3 → 4',
    fault: 'add app4 and reload nginx',
    read: 'ip_hash remaps most clients (hash mod N), consistent hashing about a quarter, the route cookie none. With memory, every moved client loses its cart.',
  },
  {
    id: 'maintenance',
    title: 'Planned maintenance',
    fault: 'app2 marked `down` versus its server line removed',
    read: '`down` keeps the hash slots: only app2\'s clients move. Removing the line remaps ip_hash clients of the other replicas too.',
  },
  {
    id: 'nat',
    title: 'Clients behind NAT',
    fault: 'none: 30 clients in one /24 (or one address)',
    read: 'Address-hash affinity collapses a whole office onto one replica: load skew 3.0 means everything on one of three. The route cookie spreads them.',
  },
  {
    id: 'redis-outage',
    title: 'Redis outage',
    fault: 'redis paused, then restarted without persistence; and restarted with AOF persistence',
    read: 'Paused: requests fail fast (503) and carts are intact afterwards. Restarted empty: every cart is gone — the shared store is the new single point of failure — and every client is told so (X-Session-Status: expired-or-lost). Restarted with AOF: no cart is lost.',
  },
  {
    id: 'redis-primary-killed',
    title: 'Redis primary killed (Sentinel)',
    fault: 'SIGKILL to the Redis primary of a Sentinel group while 30 shoppers keep adding items',
    read: 'How long writes had no primary (Sentinel down-after + election + promotion), and which acknowledged adds the promoted replica never had (asynchronous replication). WAIT 1 refuses to acknowledge a write no replica confirmed. One run each: failover timing is chance.',
  },
  {
    id: 'redis-primary-paused',
    title: 'Redis primary paused (Sentinel)',
    fault: 'SIGSTOP to the Redis primary past down-after, a replica promoted, then SIGCONT to the old primary; 30 shoppers keep adding items',
    read: 'The classic lost-update window: writes the old primary accepts before Sentinel demotes it are discarded when it resyncs. min-replicas-to-write makes an isolated primary refuse writes; WAIT 1 refuses to acknowledge unconfirmed ones. One run each: failover timing is chance.',
  },
  {
    id: 'rolling-restart',
    title: 'Rolling restart',
    fault: 'every replica in turn: marked down, stopped, started, put back',
    read: 'A deploy: the memory store loses every cart whatever the strategy; Redis loses none.',
  },
  {
    id: 'rollout-drain',
    title: 'Drain-aware rollout',
    fault: 'every replica in turn: drained, idle or the drain wait runs out, stopped, started, undrained, while shoppers keep arriving',
    read: 'Carts lost against rollout time: with the memory store a longer drain wait lets the visits bound to a replica finish (fewer carts lost, a slower rollout); with Redis nothing is lost at any wait.',
  },
  {
    id: 'concurrent-writes',
    title: 'Concurrent writes',
    fault: 'none: one client sends parallel adds through nginx',
    read: 'Parallel requests of one session must not overwrite each other: carts lost should be 0 everywhere.',
  },
  {
    id: 'hostile-client',
    title: 'Hostile client',
    fault: 'forged and garbled route and sid cookies',
    read: 'Forged cookies must fall back to normal balancing and a fresh session: no 5xx, no cart of anyone else.',
  },
  {
    id: 'flood',
    title: 'Flood from one address',
    fault: 'one address sends 2 000 requests, 128 at a time, past nginx\'s per-client limit (100 r/s, burst 400)',
    read: 'The flood gets 429s once its burst is spent, and no more than the limit allows is served; the other clients, each on its own address, see no 429 and no failed request.',
  },
  {
    id: 'hostile-neighbour',
    title: 'Hostile neighbour',
    fault: 'one address holds 600 idle half headers and 100 half bodies, opens 500 WebSockets on one session and floods 2 000 requests',
    read: 'The other clients, each on its own /24, keep shopping: ≥ 99 % of their requests succeed and their p99 stays within 3× a quiet baseline. The attacker is refused (429/503, its sockets capped) and the balancer\'s memory stays bounded.',
  },
  {
    id: 'balancer-failover',
    title: 'Two balancers, one set of replicas',
    fault: 'users alternate between two balancer instances; then, other users, the first instance is killed and they switch to the second',
    read: 'A deterministic hash (same replica list, same ring) and a cookie naming the replica agree across instances: nobody moves. Round robin and a stick table without `peers` pick on their own: users move and, with memory carts, lose them. With `peers` the second instance already knows every user.',
  },
  {
    id: 'balancer-restart',
    title: 'Balancer restarted or reloaded',
    fault: 'the balancer process is restarted while users are busy; then, other users, it is reloaded',
    read: 'Hashes and cookies keep no state in the balancer: nobody moves across a restart or a reload. A stick table lives in the process: a restart empties it and users are balanced afresh. failed requests counts what users saw while the balancer was away (a reload should show none).',
  },
  // Live sockets (scenarios/live/registry.ts parametrises them).
  {
    id: 'live-transports',
    title: 'Live sockets: transports through the balancer',
    fault: 'none: 30 shoppers subscribe to their cart over Socket.IO, polling only, then WebSocket only',
    read: 'Long-polling is many HTTP requests that must reach one replica: round robin breaks its handshake ("Session ID unknown"), affinity does not. A WebSocket is one connection and works on any strategy.',
  },
  {
    id: 'live-replica-killed',
    title: 'Live sockets: their replica killed',
    fault: 'SIGKILL the replica holding the most sockets while the carts change',
    read: 'Every socket it held drops; clients reconnect within about a second to another replica. Pushes sent during the gap are missed (no connection state recovery), so the page re-reads its cart on reconnect. With the memory store the session died too and the socket is refused.',
  },
  {
    id: 'live-cross-replica',
    title: 'Live sockets: a write on another replica',
    fault: 'none: the cart changes on one replica while its socket lives on another',
    read: 'Without a cross-replica adapter the push never leaves the replica that handled the write; with the Redis adapter every push arrives, a few milliseconds later.',
  },
];

export function scenarioInfo(id: string): ScenarioInfo {
  const info = SCENARIO_DESCRIPTIONS.find((s) => s.id === id);
  if (!info) throw new Error(`unknown scenario "${id}"; known: ${SCENARIO_DESCRIPTIONS.map((s) => s.id).join(', ')}`);
  return info;
}
