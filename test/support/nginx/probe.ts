import { request } from 'node:http';

export interface ProbeOptions {
  /** Source address of the client socket (127.0.X.Y): what nginx sees as $remote_addr. */
  from?: string;
  method?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface ProbeResponse {
  status: number;
  /** X-Served-By, '' when nginx answered by itself (502, 504). */
  servedBy: string;
  setCookie: string[];
  body: string;
}

/** One request on a fresh connection, from a chosen loopback source address. */
export function probe(url: string, o: ProbeOptions = {}): Promise<ProbeResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: o.method ?? 'GET', headers: o.headers, localAddress: o.from, agent: false, timeout: o.timeoutMs ?? 15_000 },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            servedBy: String(res.headers['x-served-by'] ?? ''),
            setCookie: res.headers['set-cookie'] ?? [],
            body,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${o.timeoutMs ?? 15_000} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** Count of responses per serving replica (`status` keys for non-200s), e.g. { app1: 10, app2: 10, '502': 1 }. */
export type Tally = Record<string, number>;

/**
 * `count` sequential requests; the whole distribution in one value, in the
 * spirit of nginx-tests' many('/', 30).
 */
export async function many(url: string, count: number, o: ProbeOptions = {}): Promise<Tally> {
  const tally: Tally = {};
  for (let i = 0; i < count; i++) {
    const r = await probe(url, o);
    const key = r.status === 200 ? r.servedBy : String(r.status);
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

/** The `route` value a response sets, if any. */
export function routeCookie(r: ProbeResponse): string | undefined {
  for (const c of r.setCookie) {
    const m = /^route=([^;]*)/.exec(c);
    if (m) return m[1];
  }
  return undefined;
}
