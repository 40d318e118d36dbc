// How each balancer places a client, in one phrase per strategy: the
// algorithmic reason a predicted difference names.
import type { BalancerEngine, Strategy } from '../topology/topology';

const ALGORITHMS: Record<BalancerEngine, Partial<Record<Strategy, string>>> = {
  nginx: {
    'ip-hash': 'ip_hash hashes the first three octets of the address, then takes it modulo the total weight',
    'consistent-hash': 'hash $remote_addr consistent: a ketama ring, 160 points per server keyed by its server line',
    'url-hash': 'hash $request_uri consistent: a ketama ring over the URI',
    'round-robin': 'round robin in arrival order',
    'sticky-cookie': 'a route cookie naming the replica that answered',
  },
  haproxy: {
    'ip-hash': 'balance source hashes the whole address, modulo the total weight (map-based)',
    'consistent-hash': 'balance source with hash-type consistent: a ring of 16 points per server keyed by its id',
    'url-hash': 'balance uri whole with hash-type consistent: a ring over the URI',
    'round-robin': 'round robin in arrival order',
    'sticky-cookie': 'cookie route insert indirect: the cookie names the server',
    'stick-table': 'a stick table learns each address\'s server',
    'bounded-load': 'a consistent ring with hash-balance-factor bounding each server\'s load',
  },
};

export function algorithmOf(balancer: BalancerEngine, strategy: Strategy): string {
  return ALGORITHMS[balancer][strategy] ?? strategy;
}
