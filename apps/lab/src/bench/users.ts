// Users for the load cases: each one a session with a cart, created from the
// user's own source address through the same entry point the load will use
// (so ip-hash routes it as it will route the load, and balancer cookies are set).
import { Client } from 'undici';
import { mergeCookies } from './cookies';
import type { BenchUser } from './generator/protocol';

export { mergeCookies } from './cookies';

/** Users sharing a /24: enough to model a few users behind one address block, few enough that ip-hash spreads them. */
const USERS_PER_SUBNET = 2;
export const MAX_USERS = 254 * USERS_PER_SUBNET;

/**
 * User i's source address: 127.77.S.H, S = its /24, H = its host in it.
 * ip-hash hashes the first three octets, so users spread over many /24s
 * spread over the replicas the way different users do.
 */
export function userAddress(i: number): string {
  if (!Number.isInteger(i) || i < 0 || i >= MAX_USERS) throw new RangeError(`user index must be 0..${MAX_USERS - 1}, got ${i}`);
  return `127.77.${1 + Math.floor(i / USERS_PER_SUBNET)}.${1 + (i % USERS_PER_SUBNET)}`;
}

/** Users without a session (for servers that keep none). */
export function anonymousUsers(n: number): BenchUser[] {
  return Array.from({ length: n }, (_, i) => ({ address: userAddress(i), cookie: '' }));
}

export interface Product {
  sku: string;
}

export async function productSkus(url: string): Promise<string[]> {
  const res = await fetch(`${url}/products`, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`GET ${url}/products answered ${res.status}`);
  const products = (await res.json()) as Product[];
  if (!products.length) throw new Error(`GET ${url}/products returned no products`);
  return products.map((p) => p.sku);
}

/** One user: `lines` POSTs to /cart/items from its address, following cookies. */
export async function createUser(url: string, address: string, skus: string[], lines: number): Promise<BenchUser> {
  const client = new Client(url, { localAddress: address, headersTimeout: 10_000, bodyTimeout: 10_000 });
  let cookie = '';
  try {
    for (let i = 0; i < lines; i++) {
      const res = await client.request({
        method: 'POST',
        path: '/cart/items',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ sku: skus[i % skus.length], qty: 1 }),
      });
      await res.body.dump();
      if (res.statusCode < 200 || res.statusCode > 299) throw new Error(`POST ${url}/cart/items from ${address} answered ${res.statusCode}`);
      const sc = res.headers['set-cookie'];
      cookie = mergeCookies(cookie, sc === undefined ? [] : Array.isArray(sc) ? sc : [sc]);
    }
  } finally {
    await client.close();
  }
  if (!/(^|; )sid=/.test(cookie)) throw new Error(`${url} set no sid cookie`);
  return { address, cookie };
}

export async function createUsers(url: string, n: number, lines = 3): Promise<BenchUser[]> {
  const skus = await productSkus(url);
  const users: BenchUser[] = [];
  for (let i = 0; i < n; i++) users.push(await createUser(url, userAddress(i), skus, lines));
  return users;
}
