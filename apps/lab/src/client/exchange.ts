// One HTTP exchange with enough bookkeeping to classify its failure:
// whether the request may have reached the server (`sent`), and whether it
// went out on a reused keep-alive socket (`reused`).
import { Agent, IncomingHttpHeaders, request } from 'node:http';

export interface ExchangeRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  agent: Agent;
  localAddress?: string;
  timeoutMs: number;
}

export interface ExchangeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export class ExchangeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** A connection was established: the server may have seen the request. */
    readonly sent: boolean,
    readonly reused: boolean,
    readonly gotResponse: boolean,
  ) {
    super(message);
  }
}

export function exchange(r: ExchangeRequest): Promise<ExchangeResponse> {
  return new Promise((resolve, reject) => {
    let sent = false;
    let gotResponse = false;
    const req = request({
      host: r.url.hostname,
      port: r.url.port,
      path: r.url.pathname + r.url.search,
      method: r.method,
      headers: r.headers,
      agent: r.agent,
      localAddress: r.localAddress,
    });
    const timer = setTimeout(() => {
      const err = Object.assign(new Error(`no answer within ${r.timeoutMs} ms`), { code: 'ETIMEDOUT' });
      req.destroy(err);
    }, r.timeoutMs);
    const fail = (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const code = err.code ?? 'EUNKNOWN';
      reject(new ExchangeError(code, `${code}: ${err.message}`, sent, req.reusedSocket, gotResponse));
    };
    req.on('socket', (s) => {
      if (s.connecting) s.once('connect', () => (sent = true));
      else sent = true;
    });
    req.on('error', fail);
    req.on('response', (res) => {
      gotResponse = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() });
      });
    });
    req.end(r.body);
  });
}
