// Request helpers shared by the nginx and HAProxy fixtures: one request from a
// chosen source address, and the distribution of many.
import { request } from 'node:http';

export interface ProbeOptions {
  /** Source address of the client socket (127.0.X.Y): nginx's $remote_addr, HAProxy's `src`. */
  from?: string;
  method?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface ProbeResponse {
  status: number;
  /** X-Served-By; '' when the balancer answered by itself (nginx's 502/504, HAProxy's 503). */
  servedBy: string;
  setCookie: string[];
  contentType: string;
  /** Set only when the answer carries one (a refusal saying when to come back). */
  retryAfter?: string;
  body: string;
}

/** One request on a fresh connection, from a chosen loopback source address. */
export function probe(url: string, o: ProbeOptions = {}): Promise<ProbeResponse> {
  const timeoutMs = o.timeoutMs ?? 15_000;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: o.method ?? 'GET', headers: o.headers, localAddress: o.from, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          servedBy: String(res.headers['x-served-by'] ?? ''),
          setCookie: res.headers['set-cookie'] ?? [],
          contentType: String(res.headers['content-type'] ?? ''),
          ...(res.headers['retry-after'] === undefined ? {} : { retryAfter: String(res.headers['retry-after']) }),
          body,
        }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** Responses per serving backend (status code keys for non-200s), e.g. { app1: 10, app2: 10, '502': 1 }. */
export type Tally = Record<string, number>;

/** `count` sequential requests: a whole distribution in one value, like nginx-tests' many('/', 30). */
export async function many(url: string, count: number, o: ProbeOptions = {}): Promise<Tally> {
  const tally: Tally = {};
  for (let i = 0; i < count; i++) {
    const r = await probe(url, o);
    const key = r.status === 200 ? r.servedBy : String(r.status);
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

/** The `route` cookie value a response sets, if any. */
export function routeCookie(r: ProbeResponse): string | undefined {
  for (const c of r.setCookie) {
    const m = /^route=([^;]*)/.exec(c);
    if (m) return m[1];
  }
  return undefined;
}

/** Runs `fn` over `items` with at most `limit` at once, keeping the order of results. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
