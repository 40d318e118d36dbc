// Users for the load cases: each one a session with a cart, created through
// the same entry point the load will use (so balancer cookies are set too).

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

/** Merges Set-Cookie answers into a `Cookie` request header value. */
export function mergeCookies(current: string, setCookies: string[]): string {
  const jar = new Map<string, string>();
  for (const pair of current.split('; ').filter(Boolean)) jar.set(pair.split('=')[0], pair);
  for (const sc of setCookies) {
    const pair = sc.split(';')[0].trim();
    jar.set(pair.split('=')[0], pair);
  }
  return [...jar.values()].join('; ');
}

/** One user: `lines` POSTs to /cart/items, following cookies. Returns the Cookie header. */
export async function createUser(url: string, skus: string[], lines: number): Promise<string> {
  let cookie = '';
  for (let i = 0; i < lines; i++) {
    const res = await fetch(`${url}/cart/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ sku: skus[i % skus.length], qty: 1 }),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`POST ${url}/cart/items answered ${res.status}`);
    cookie = mergeCookies(cookie, res.headers.getSetCookie());
  }
  if (!/(^|; )sid=/.test(cookie)) throw new Error(`${url} set no sid cookie`);
  return cookie;
}

export async function createUsers(url: string, n: number, lines = 3): Promise<string[]> {
  const skus = await productSkus(url);
  const users: string[] = [];
  for (let i = 0; i < n; i++) users.push(await createUser(url, skus, lines));
  return users;
}
