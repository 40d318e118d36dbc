// The lab's one HTTP probe: a GET that never throws, reads a bounded body and
// answers status 0 when nothing answered in time.
import { get, IncomingHttpHeaders } from 'node:http';

export interface ProbeReply {
  /** 0 when nothing answered within the timeout. */
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface ProbeOptions {
  timeoutMs?: number;
  /** Source address (e.g. 127.0.7.1), so a balancer sees a distinct client. */
  localAddress?: string;
}

/** A bounded body cap: a probe reads small answers, never a stranger's stream. */
const BODY_LIMIT = 64_000;

export function httpGet(url: string, opts: ProbeOptions = {}): Promise<ProbeReply> {
  const { timeoutMs = 1_000, localAddress } = opts;
  return new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: timeoutMs, localAddress }, (res) => {
      let text = '';
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
      res.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.length > BODY_LIMIT) res.destroy();
      });
      res.on('end', done);
      res.on('error', () => resolve({ status: 0, headers: {}, text: '' }));
      res.on('close', done);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, headers: {}, text: '' }));
  });
}

/** Status code of a GET, or 0 when nothing answered within timeoutMs. Never throws. */
export async function httpStatus(url: string, timeoutMs = 1_000): Promise<number> {
  return (await httpGet(url, { timeoutMs })).status;
}

/** Status and parsed JSON body (undefined when not JSON) of a GET; status 0 when nothing answered. Never throws. */
export async function httpJson(url: string, timeoutMs = 1_000): Promise<{ status: number; body?: unknown }> {
  const { status, text } = await httpGet(url, { timeoutMs });
  return status === 0 ? { status } : { status, body: parse(text) };
}

/** Body of a balancer's GET /__lab/generation (its config generation), or null when it does not answer (yet). */
export async function fetchGenerationAt(host: string, port: number, timeoutMs = 1_000): Promise<string | null> {
  const name = host.includes(':') ? `[${host}]` : host;
  const { status, text } = await httpGet(`http://${name}:${port}/__lab/generation`, { timeoutMs });
  return status === 200 ? text.trim() : null;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
