// nginx's deterministic placements replayed from the rendered config, with
// the arithmetic of nginx's own modules (1.22 and later behave the same here):
// - ip_hash (ngx_http_upstream_ip_hash_module.c): hash = 89, then
//   hash = (hash * 113 + octet) % 6271 over the first three octets of IPv4;
//   the server is hash % total_weight walked over the peers by weight (down
//   ones included); a down or dead pick mixes the octets in again; after 20
//   misses nginx falls back to round robin (not predictable).
// - hash KEY consistent (ngx_http_upstream_hash_module.c, ketama): each server
//   gets weight × 160 points, point j = crc32(HOST "\0" PORT prev) with prev
//   the previous point's four bytes (little endian, 0 for the first), HOST
//   and PORT the text of its server line; points sorted, duplicates dropped.
//   A key goes to the first point ≥ crc32(key), wrapping; a down or dead
//   server passes to the next point, 20 misses fall back to round robin.
// A dead replica (killed, stopped) is not `down` in the config, but nginx
// skips it the same way: max_fails=1 marks it failed on the first refused
// connection and the request is retried along the same walk.
import { ConfigServer, ipv4Octets, PlacementKey, Replay } from '../util/placement';
import { crc32, crc32Final, crc32Update, CRC32_INIT } from './crc32';

const MAX_TRIES = 20;
const POINTS_PER_WEIGHT = 160;

export interface NginxUpstream {
  /** `ip_hash`, `hash $remote_addr consistent`, …: the balancing line, or '' for round robin. */
  method: string;
  servers: ConfigServer[];
}

/** The `lab_backend` upstream of a rendered config: its balancing line and server lines (`# appN` names them). */
export function nginxUpstream(config: string, upstream = 'lab_backend'): NginxUpstream | undefined {
  const start = config.indexOf(`upstream ${upstream} {`);
  if (start < 0) return undefined;
  const body = config.slice(start, config.indexOf('}', start));
  const method = /^\s*(ip_hash|hash\s+[^;]+|least_conn|random[^;]*|sticky[^;]*);/m.exec(body)?.[1].replace(/\s+/g, ' ') ?? '';
  const servers: ConfigServer[] = [];
  for (const m of body.matchAll(/^\s*server\s+(\S+)([^;\n]*);[^\n#]*#\s*(\S+)/gm)) {
    const params = m[2];
    if (/\bbackup\b/.test(params)) continue;
    servers.push({ name: m[3], address: m[1], weight: Number(/\bweight=(\d+)/.exec(params)?.[1] ?? 1), down: /\bdown\b/.test(params) });
  }
  return { method, servers };
}

/** The replay of a deterministic upstream, or undefined for a method that is not (round robin, sticky, random). */
export function nginxReplay(u: NginxUpstream): Replay | undefined {
  if (u.method === 'ip_hash') return (dead) => (k) => ipHash(u.servers, dead, k.address);
  const hash = /^hash (\$remote_addr|\$request_uri) consistent$/.exec(u.method);
  if (!hash) return undefined;
  const ring = ketamaRing(u.servers);
  const key = hash[1] === '$remote_addr' ? (k: PlacementKey) => k.address : (k: PlacementKey) => k.uri;
  return (dead) => (k) => ketama(ring, u.servers, dead, key(k));
}

const usable = (s: ConfigServer, dead: ReadonlySet<string>) => !s.down && !dead.has(s.name);

export function ipHash(servers: readonly ConfigServer[], dead: ReadonlySet<string>, address: string): string | undefined {
  const octets = ipv4Octets(address)?.slice(0, 3);
  if (!octets) return undefined; // IPv6 hashes all 16 bytes: not replayed here
  if (servers.length < 2) return servers.find((s) => usable(s, dead))?.name;
  const total = servers.reduce((a, s) => a + s.weight, 0);
  let hash = 89;
  for (let tries = 0; tries <= MAX_TRIES; tries++) {
    for (const o of octets) hash = (hash * 113 + o) % 6271;
    let w = hash % total;
    let p = 0;
    while (w >= servers[p].weight) w -= servers[p++].weight;
    if (usable(servers[p], dead)) return servers[p].name;
  }
  return undefined;
}

export interface RingPoint {
  hash: number;
  /** The server line's address text: nginx matches peers by it. */
  server: string;
}

export function ketamaRing(servers: readonly ConfigServer[]): RingPoint[] {
  const enc = new TextEncoder();
  const points: RingPoint[] = [];
  for (const s of servers) {
    const { host, port } = splitServer(s.address);
    const base = crc32Update(crc32Update(crc32Update(CRC32_INIT, enc.encode(host)), new Uint8Array([0])), enc.encode(port));
    const prev = new Uint8Array(4);
    for (let j = 0; j < s.weight * POINTS_PER_WEIGHT; j++) {
      const hash = crc32Final(crc32Update(base, prev));
      points.push({ hash, server: s.address });
      new DataView(prev.buffer).setUint32(0, hash, true);
    }
  }
  points.sort((a, b) => a.hash - b.hash);
  return points.filter((p, i) => i === 0 || p.hash !== points[i - 1].hash);
}

/** nginx's split of a server's text: `unix:PATH` → PATH; `HOST:DIGITS` → HOST and DIGITS; else all HOST. */
function splitServer(text: string): { host: string; port: string } {
  if (/^unix:/i.test(text)) return { host: text.slice(5), port: '' };
  const m = /^(.*):(\d*)$/.exec(text);
  return m ? { host: m[1], port: m[2] } : { host: text, port: '' };
}

export function ketama(ring: readonly RingPoint[], servers: readonly ConfigServer[], dead: ReadonlySet<string>, key: string): string | undefined {
  // One server: nginx does not hash at all (round robin over one).
  if (servers.length < 2) return servers.find((s) => usable(s, dead))?.name;
  if (!key || !ring.length) return undefined; // an empty key falls back to round robin
  const h = crc32(new TextEncoder().encode(key));
  let lo = 0;
  let hi = ring.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ring[mid].hash < h) lo = mid + 1;
    else hi = mid;
  }
  for (let tries = 0; tries <= MAX_TRIES; tries++) {
    const text = ring[(lo + tries) % ring.length].server;
    const s = servers.find((x) => x.address === text && usable(x, dead));
    if (s) return s.name;
  }
  return undefined;
}
