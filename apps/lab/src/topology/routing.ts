// Confirms nginx's routing after a reload from the outside, the way a user
// would see it: requests from many source addresses and URLs (so every
// strategy's hash key varies) until one is answered by the replica we expect.
import { httpGet } from '../util/http';
import { waitFor } from '../util/wait';

const BATCH = 8;

/**
 * A distinct /24 per probe, so nginx's ip_hash (first three octets) sees
 * different users, AND a varying last octet: HAProxy's map-based `balance
 * source` (2.6) takes the whole address modulo the servers' total weight, so
 * with four servers every 127.0.N.1 lands on one server (measured) and a
 * probe set that never varies the last octet may never reach a new app4.
 */
export function probeAddress(n: number): string {
  return `127.0.${(n % 254) + 1}.${((n * 7) % 253) + 1}`;
}

/** X-Served-By of one GET through nginx, or undefined when nothing answered. */
export async function servedBy(url: string, sourceAddress: string, timeoutMs = 2_000): Promise<string | undefined> {
  const { status, headers } = await httpGet(url, { localAddress: sourceAddress, timeoutMs });
  const h = headers['x-served-by'];
  return status === 200 && typeof h === 'string' ? h : undefined;
}

export async function waitUntilRouted(baseUrl: string, name: string, timeoutMs = 15_000): Promise<void> {
  let n = 0;
  await waitFor(
    `nginx at ${baseUrl} to route a request to ${name}`,
    async () => {
      const batch = Array.from({ length: BATCH }, () => {
        n += 1;
        return servedBy(`${baseUrl}/?lab-route-probe=${n}`, probeAddress(n));
      });
      return (await Promise.all(batch)).includes(name);
    },
    { timeoutMs, intervalMs: 50 },
  );
}
