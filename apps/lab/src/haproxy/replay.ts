// HAProxy's deterministic placements replayed from the rendered config, with
// the arithmetic of HAProxy 2.6's own code:
// - the key (backend.c): `balance source` XORs the address's 32-bit words in
//   host order (IPv4: the address as one number); `balance uri` hashes the URI
//   (up to '?', all of it with `whole`) with sdbm, h = c + (h << 6) + (h << 16) - h
//   (hash.c). With `hash-type … avalanche`, and with a bare `hash-type
//   consistent` (cfgparse-listen.c adds avalanche when no function is named),
//   the key goes through full_hash.
//   With one usable server the key is 0.
// - map-based (lb_map.c): the usable servers (not disabled, weight > 0, up)
//   fill a table of total-weight slots, each slot to the server whose
//   accumulated weight is highest (first declared wins a tie); the key picks
//   slot key % total weight. Losing a server rebuilds the table: keys move.
// - consistent (lb_chash.c): a server of id I and weight W puts 16 × W points
//   at full_hash(I × 4096 + n) (tools.h/intops.h: Bob Jenkins' integer hash
//   times 3221225473); a key goes to the nearest point, the one before on a
//   tie; a server down or drained takes its points off the ring.
// A dead replica is DOWN once its health checks fail (fall 2): the placement
// replayed is the one after that.
import { ConfigServer, ipv4Octets, PlacementKey, Replay } from '../util/placement';

const WEIGHT_SCALE = 16;
const EWGHT_RANGE = 256 * WEIGHT_SCALE;

export interface HaproxyBackend {
  /** `source`, `uri whole`, `roundrobin`, …: the `balance` line's arguments. */
  balance: string;
  /** `map-based`, `consistent`, … (`hash-type` arguments; map-based when absent). */
  hashType: string;
  servers: ConfigServer[];
}

/** The `lab_backend` section of a rendered config. */
export function haproxyBackend(config: string, backend = 'lab_backend'): HaproxyBackend | undefined {
  const start = config.search(new RegExp(`^backend ${backend}\\s*$`, 'm'));
  if (start < 0) return undefined;
  const rest = config.slice(start).split('\n').slice(1);
  const end = rest.findIndex((l) => /^\S/.test(l));
  const body = (end < 0 ? rest : rest.slice(0, end)).join('\n');
  const arg = (kw: string) => new RegExp(`^\\s*${kw}\\s+([^#\\n]*)`, 'm').exec(body)?.[1].trim().replace(/\s+/g, ' ');
  const servers: ConfigServer[] = [];
  for (const m of body.matchAll(/^\s*server\s+(\S+)\s+(\S+)([^\n]*)/gm)) {
    const params = ` ${m[3]} `;
    const weight = Number(/\sweight\s+(\d+)/.exec(params)?.[1] ?? 1);
    const id = /\sid\s+(\d+)/.exec(params)?.[1];
    servers.push({ name: m[1], address: m[2], weight, down: /\sdisabled\s/.test(params) || weight === 0, ...(id ? { id: Number(id) } : {}) });
  }
  return { balance: arg('balance') ?? 'roundrobin', hashType: arg('hash-type') ?? 'map-based', servers };
}

/** The replay of a deterministic backend, or undefined when it is not (round robin, cookies, stick tables, bounded load). */
export function haproxyReplay(b: HaproxyBackend): Replay | undefined {
  const key = keyOf(b.balance);
  const [lookup, ...mods] = b.hashType.split(' ');
  // Only sdbm (the default) is replayed; bounded load depends on the in-flight counts.
  if (!key || mods.some((m) => m !== 'avalanche' && m !== 'sdbm')) return undefined;
  // cfgparse-listen.c: a bare `hash-type consistent` means sdbm AND avalanche.
  const avalanche = mods.includes('avalanche') || (lookup === 'consistent' && !mods.length);
  if (lookup === 'map-based') return (dead) => (k) => mapLookup(up(b.servers, dead), hashKey(key(k), avalanche, up(b.servers, dead)));
  if (lookup === 'consistent' && b.servers.every((s) => s.id !== undefined)) {
    return (dead) => {
      const ring = chashRing(up(b.servers, dead));
      return (k) => chashLookup(ring, hashKey(key(k), avalanche, up(b.servers, dead)));
    };
  }
  return undefined;
}

const up = (servers: readonly ConfigServer[], dead: ReadonlySet<string>) => servers.filter((s) => !s.down && s.weight > 0 && !dead.has(s.name));

function keyOf(balance: string): ((k: PlacementKey) => number | undefined) | undefined {
  if (balance === 'source') return (k) => sourceKey(k.address);
  const uri = /^uri( whole)?$/.exec(balance);
  if (!uri) return undefined;
  return (k) => sdbm(uri[1] ? k.uri : k.uri.split('?')[0]);
}

function hashKey(key: number | undefined, avalanche: boolean, servers: readonly ConfigServer[]): number | undefined {
  if (key === undefined) return undefined;
  if (servers.length === 1) return 0;
  return avalanche ? fullHash(key) : key;
}

export function sourceKey(address: string): number | undefined {
  const o = ipv4Octets(address);
  return o ? ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0 : undefined;
}

export function sdbm(text: string): number {
  let h = 0;
  for (const c of new TextEncoder().encode(text)) h = (c + (h << 6) + (h << 16) - h) >>> 0;
  return h;
}

export function fullHash(x: number): number {
  let a = x >>> 0;
  a = (a + 0x7ed55d16 + (a << 12)) >>> 0;
  a = (a ^ 0xc761c23c ^ (a >>> 19)) >>> 0;
  a = (a + 0x165667b1 + (a << 5)) >>> 0;
  a = ((a + 0xd3a2646c) ^ (a << 9)) >>> 0;
  a = (a + 0xfd7046c5 + (a << 3)) >>> 0;
  a = (a ^ 0xb55a4f09 ^ (a >>> 16)) >>> 0;
  return Math.imul(a, 3221225473) >>> 0;
}

/** lb_map.c's table: slot o → server, for the usable servers in declaration order. */
export function serverMap(servers: readonly ConfigServer[]): string[] {
  const g = servers.reduce((acc, s) => gcd(acc, s.weight), 0) || 1;
  const eweight = servers.map((s) => Math.ceil(s.weight / g));
  const tot = eweight.reduce((a, w) => a + w, 0);
  if (tot === 1) return [servers[0].name];
  const score = servers.map(() => 0);
  const map: string[] = [];
  for (let o = 0; o < tot; o++) {
    let best = -1;
    let max = 0;
    servers.forEach((_, i) => {
      score[i] += eweight[i];
      const v = Math.trunc((score[i] + tot) / tot);
      if (best < 0 || v > max) [best, max] = [i, v];
    });
    map.push(servers[best].name);
    score[best] -= tot;
  }
  return map;
}

function mapLookup(servers: readonly ConfigServer[], key: number | undefined): string | undefined {
  if (key === undefined || !servers.length) return undefined;
  const map = serverMap(servers);
  return map[key % map.length];
}

export interface ChashPoint {
  key: number;
  server: string;
}

export function chashRing(servers: readonly ConfigServer[]): ChashPoint[] {
  const points: ChashPoint[] = [];
  for (const s of servers) {
    for (let n = 0; n < s.weight * WEIGHT_SCALE; n++) points.push({ key: fullHash((s.id! * EWGHT_RANGE + n) >>> 0), server: s.name });
  }
  return points.sort((a, b) => a.key - b.key);
}

/** lb_chash.c: the nearest point, the one before on a tie, wrapping at both ends. */
export function chashLookup(ring: readonly ChashPoint[], key: number | undefined): string | undefined {
  if (key === undefined || !ring.length) return undefined;
  let next = ring.findIndex((p) => p.key >= key);
  if (next < 0) next = 0;
  const prev = (next + ring.length - 1) % ring.length;
  const dp = (key - ring[prev].key) >>> 0;
  const dn = (ring[next].key - key) >>> 0;
  return dp <= dn ? ring[prev].server : ring[next].server;
}

function gcd(a: number, b: number): number {
  return b ? gcd(b, a % b) : a;
}
