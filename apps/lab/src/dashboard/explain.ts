// "What to try next", one paragraph per strategy, with the store's half.
import type { BalancerEngine, StoreKind, Strategy } from '../topology/topology';

const STRATEGY: Record<Strategy, string> = {
  'round-robin':
    'round-robin spreads every request over all replicas with no affinity at all: watch the shop page\u2019s strip change colour on every click.',
  'ip-hash':
    'ip-hash pins each client to a replica by the first three octets of its address. Tick \u201csame NAT\u201d and every client lands on one replica (a whole office behind one address). Kill a replica: only its clients move. Start it again: they move back, and lose the cart they rebuilt meanwhile. Add a replica and see how many clients are remapped.',
  'consistent-hash':
    'consistent-hash pins each client by its full address on a hash ring. Add a replica and only about 1/N of the clients move (compare with ip-hash, where most do). \u201cSame NAT\u201d still spreads clients here, because the whole address is hashed.',
  'sticky-cookie':
    'sticky-cookie pins each client with a route cookie the balancer sets. Tick \u201csame NAT\u201d: clients still spread, because the cookie, not the address, decides. Kill a replica: its clients are re-pinned to another one and stay there when it comes back. Add a replica: nobody moves.',
  'url-hash':
    'url-hash picks the replica from the request path, not from the user: every client\u2019s GET /cart lands on one replica and its POSTs on another. Affinity per URL suits caches, not sessions.',
  'stick-table':
    'stick-table balances a client\u2019s first request round robin and remembers the replica per address in HAProxy\u2019s memory. Reload the balancer: the table stays. Restart it: the table is empty and clients may move.',
  'bounded-load':
    'bounded-load hashes the full address on a ring like consistent-hash, but no replica takes more than 125 % of the mean concurrent requests: a hot client spills over to the next replica, so affinity gives way under load.',
};

/** Where HAProxy's version of a strategy differs from nginx's in what a user sees. */
const HAPROXY: Partial<Record<Strategy, string>> = {
  'ip-hash':
    'ip-hash (HAProxy `balance source`, map-based) pins each client by its FULL address: \u201csame NAT\u201d clients of one /24 still spread, unlike nginx. Kill a replica or add one and most clients are remapped.',
};

const STORE: Record<StoreKind, Record<'flaky' | 'sticky', string>> = {
  memory: {
    flaky: 'With the memory store each replica keeps its own carts, so carts seem to appear and vanish as requests hop. Switch to the redis store (--store redis) to make them shared.',
    sticky:
      'With the memory store a cart lives only in the replica\u2019s memory: kill the replica that serves the shop page and the cart is gone. Then try the same with --store redis.',
  },
  redis: {
    flaky: 'With the redis store every replica reads the same session, so hopping costs nothing. Pause Redis to see every request fail fast with 503; restart it to see every cart lost at once.',
    sticky:
      'With the redis store, kill a replica: its clients move and keep their carts, so affinity is no longer needed for correctness. Now Redis is the single point of failure: pause it, then restart it.',
  },
};

export function explain(strategy: Strategy, store: StoreKind, balancer: BalancerEngine = 'nginx'): string {
  const kind = strategy === 'round-robin' || strategy === 'url-hash' ? 'flaky' : 'sticky';
  const text = (balancer === 'haproxy' && HAPROXY[strategy]) || STRATEGY[strategy];
  return `${text} ${STORE[store][kind]}`;
}
