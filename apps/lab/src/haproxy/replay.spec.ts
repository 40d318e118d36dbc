// Vectors worked out from HAProxy 2.6's C arithmetic (backend.c get_server_sh /
// get_server_uh, lb_map.c recalc_server_map, lb_chash.c, hash.c, intops.h
// full_hash) in Python, not with the code under test: the values are written out.
import type { ConfigServer } from '../util/placement';
import { chashLookup, chashRing, fullHash, haproxyBackend, haproxyReplay, sdbm, serverMap, sourceKey } from './replay';

const servers = (ids: number[], down: string[] = []): ConfigServer[] =>
  ids.map((id) => ({ name: `app${id}`, address: `127.88.0.${id}:3000`, weight: 1, down: down.includes(`app${id}`), id }));
const none = new Set<string>();
const conf = (balance: string, hashType: string, extra = '') =>
  `frontend web\n    default_backend lab_backend\n\nbackend lab_backend\n    balance ${balance}\n    hash-type ${hashType}\n    option httpchk\n` +
  `    server app1 127.88.0.1:3000 id 1 check\n    server app2 127.88.0.2:3000 id 2 check${extra}\n    server app3 127.88.0.3:3000 id 3 check\n`;

describe('HAProxy map-based replay (balance source, hash-type map-based)', () => {
  it('takes the IPv4 address as one number, modulo the usable servers\' total weight', () => {
    // 127.0.1.1 = 0x7f000101 = 2130706689; % 3 = 0 → app1. 127.0.2.1 = 2130706945; % 3 = 1 → app2.
    expect(sourceKey('127.0.1.1')).toBe(2130706689);
    const place = haproxyReplay(haproxyBackend(conf('source', 'map-based'))!)!(none);
    expect(place({ address: '127.0.1.1', uri: '/' })).toBe('app1');
    expect(place({ address: '127.0.2.1', uri: '/' })).toBe('app2');
    // The whole address counts (no /24 collapse): 127.0.1.2 = 2130706690, % 3 = 1 → app2.
    expect(place({ address: '127.0.1.2', uri: '/' })).toBe('app2');
  });

  it('rebuilds the table without a dead or disabled server: keys of the others move too', () => {
    // Two usable servers: 2130706689 % 2 = 1 → the second of (app1, app3) → app3, though app1 is alive.
    const dead = haproxyReplay(haproxyBackend(conf('source', 'map-based'))!)!(new Set(['app2']));
    expect(dead({ address: '127.0.1.1', uri: '/' })).toBe('app3');
    const disabled = haproxyReplay(haproxyBackend(conf('source', 'map-based', ' disabled'))!)!(none);
    expect(disabled({ address: '127.0.1.1', uri: '/' })).toBe('app3');
  });

  it('fills the table by weight, the first declared winning ties (recalc_server_map)', () => {
    expect(serverMap(servers([1, 2, 3]))).toEqual(['app1', 'app2', 'app3']);
    // Weights 2 and 1, tot 3, v = ⌊(score + 3) / 3⌋: slot 0 scores 2,1 → v 1,1 → app1 (first wins), 2-3 = -1;
    // slot 1 scores 1,2 → v 1,1 → app1, -2; slot 2 scores 0,3 → v 1,2 → app2.
    expect(serverMap([{ ...servers([1])[0], weight: 2 }, servers([2])[0]])).toEqual(['app1', 'app1', 'app2']);
  });
});

describe('HAProxy consistent replay (hash-type consistent)', () => {
  it('puts 16 points per weight at full_hash(id × 4096 + n)', () => {
    // full_hash(4096) = 1237450891, full_hash(4097) = 2761370759 (app1's first two points).
    expect(fullHash(4096)).toBe(1237450891);
    expect(fullHash(4097)).toBe(2761370759);
    expect(chashRing(servers([1, 2, 3]))).toHaveLength(48);
  });

  it('sends a key to the nearest point, before or after it', () => {
    const ring = chashRing(servers([1, 2, 3]));
    // 2130706689 lies between app2's point 2102342909 (28363780 before) and app1's
    // 2234691741 (103985052 after): the nearer is app2. 127.0.2.1 is 256 further: app2 again.
    expect(chashLookup(ring, 2130706689)).toBe('app2');
    expect(chashLookup(ring, 2130706945)).toBe('app2');
    // Without app2 the neighbours are app1's 1892517628 and 2234691741: app1.
    expect(chashLookup(chashRing(servers([1, 3])), 2130706689)).toBe('app1');
  });

  it('avalanches the key under a bare `hash-type consistent`, wrapping at the end of the ring', () => {
    // cfgparse-listen.c: `consistent` without a function means sdbm + avalanche.
    // 127.0.1.1: full_hash(2130706689) = 4138135820, past the last point (4061310468, app2):
    // the next is the first, 76442173 (app3); 4138135820 - 4061310468 = 76825352 is nearer
    // than 76442173 + 2^32 - 4138135820 = 233273649 → app2.
    const place = haproxyReplay(haproxyBackend(conf('source', 'consistent'))!)!(none);
    expect(fullHash(2130706689)).toBe(4138135820);
    expect(place({ address: '127.0.1.1', uri: '/' })).toBe('app2');
    // 127.0.2.1: full_hash = 1449206421, between 1344286973 (app3) and 1666457417 (app1) → app3.
    expect(place({ address: '127.0.2.1', uri: '/' })).toBe('app3');
    // A function named without `avalanche` hashes the raw key: 127.0.1.1 → app2 as above, and
    // 127.0.2.1 (256 further, same gap) → app2 too: nearby addresses cluster.
    const raw = haproxyReplay(haproxyBackend(conf('source', 'consistent sdbm'))!)!(none);
    expect(raw({ address: '127.0.2.1', uri: '/' })).toBe('app2');
  });

  it('hashes `balance uri whole` with sdbm: "/cart" = 2797479791, full_hash 1333724014 → app2 (1329807056)', () => {
    expect(sdbm('/cart')).toBe(2797479791);
    const place = haproxyReplay(haproxyBackend(conf('uri whole', 'consistent'))!)!(none);
    expect(place({ address: '127.0.1.1', uri: '/cart' })).toBe('app2');
  });

  it('reads the backend; replays only what is deterministic', () => {
    const b = haproxyBackend(conf('source', 'consistent', ' weight 0'))!;
    expect(b.servers.map((s) => [s.name, s.id, s.down])).toEqual([['app1', 1, false], ['app2', 2, true], ['app3', 3, false]]);
    expect(haproxyReplay(haproxyBackend(conf('roundrobin', 'map-based'))!)).toBeUndefined();
    expect(haproxyReplay(haproxyBackend(conf('source', 'consistent djb2'))!)).toBeUndefined();
    expect(haproxyBackend('frontend web\n')).toBeUndefined();
  });
});
