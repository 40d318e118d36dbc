// Where a lab client's requests go when binding 127.0.X.Y cannot give the
// balancer a distinct TCP peer: under the compose driver the balancer runs in
// a container and every request through a published port arrives from the
// bridge gateway. Such a driver attaches the balancer to a network of its own
// where the host holds one address per lab address, and registers here how
// to reach it; LabClient asks before it opens a socket. Without a
// registration nothing changes (the process driver registers none).

export interface ClientNetwork {
  /** The balancer's URL on that network, e.g. `http://10.77.255.254`. */
  url: string;
  /** The host address that stands for lab address `address` (127.0.X.Y); throws when there is none. */
  sourceFor(address: string): string;
}

const byEntryUrl = new Map<string, ClientNetwork>();
const norm = (url: string) => url.replace(/\/+$/, '');

/** Routes clients of `entryUrl` through `net`; returns the undo (call it on teardown). */
export function registerClientNetwork(entryUrl: string, net: ClientNetwork): () => void {
  const key = norm(entryUrl);
  byEntryUrl.set(key, net);
  return () => {
    if (byEntryUrl.get(key) === net) byEntryUrl.delete(key);
  };
}

/**
 * The URL and source address a client of `baseUrl` binding `sourceAddress`
 * must use. Unchanged without a registration, or without a distinct source
 * (no address, 127.0.0.1: one host, one client).
 */
export function clientRoute(baseUrl: string, sourceAddress?: string): { baseUrl: string; sourceAddress?: string } {
  const net = byEntryUrl.get(norm(baseUrl));
  if (!net || !sourceAddress || sourceAddress === '127.0.0.1') return { baseUrl, sourceAddress };
  return { baseUrl: net.url, sourceAddress: net.sourceFor(sourceAddress) };
}
