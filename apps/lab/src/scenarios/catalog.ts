// What each scenario is, in words: shared by the runners, the report and the
// docs. Pure data (no topology imports) so renderers stay unit-testable.
import { LIVE_CATALOG } from './live/catalog';

export interface ScenarioInfo {
  id: string;
  title: string;
  /** The fault injected, as a person would say it. */
  fault: string;
  /** What to look at in this scenario's numbers. */
  read: string;
}

export const CATALOG: readonly ScenarioInfo[] = [
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
  ...LIVE_CATALOG,
];

export function scenarioInfo(id: string): ScenarioInfo {
  const info = CATALOG.find((s) => s.id === id);
  if (!info) throw new Error(`unknown scenario "${id}"; known: ${CATALOG.map((s) => s.id).join(', ')}`);
  return info;
}
