// What a balancer replay (nginx/replay.ts, haproxy/replay.ts) works on: the
// server list as the rendered config states it, and a request as the
// balancer's hash sees it. The replays live beside their balancers; this is
// only the vocabulary both speak.

/** One server line of the balanced upstream/backend, in declaration order. */
export interface ConfigServer {
  /** The replica the line is for (`app2`). */
  name: string;
  /** The address text exactly as written (`127.88.0.2:3000`, `app2:3000`): nginx's ring hashes it. */
  address: string;
  weight: number;
  /** nginx `down`, HAProxy `disabled` or `weight 0`: in the config, takes no new key. */
  down: boolean;
  /** HAProxy's `id` (its consistent ring is keyed by it); absent for nginx. */
  id?: number;
}

/** What a balancer hashes: the client's address and the request URI. */
export interface PlacementKey {
  address: string;
  uri: string;
}

/**
 * A balancer's placement, replayed: the replica a request goes to, or
 * undefined where the balancer itself leaves the arithmetic (it falls back to
 * round robin, or nothing is up).
 */
export type Placer = (key: PlacementKey) => string | undefined;

/** A config's deterministic placement, given which replicas are dead (killed or stopped: not in the config). */
export type Replay = (dead: ReadonlySet<string>) => Placer;

/** The four octets of a dotted IPv4 address, or undefined for anything else. */
export function ipv4Octets(address: string): number[] | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}
