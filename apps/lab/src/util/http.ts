import { get } from 'node:http';

/** Status code of a GET, or 0 when nothing answered within timeoutMs. Never throws. */
export async function httpStatus(url: string, timeoutMs = 1_000): Promise<number> {
  return (await httpJson(url, timeoutMs)).status;
}

/** A bounded body cap: a probe reads small JSON answers, never a stranger's stream. */
const BODY_LIMIT = 64_000;

/** Status and parsed JSON body (undefined when not JSON) of a GET; status 0 when nothing answered. Never throws. */
export function httpJson(url: string, timeoutMs = 1_000): Promise<{ status: number; body?: unknown }> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: timeoutMs }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.length > BODY_LIMIT) res.destroy();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: parse(text) }));
      res.on('error', () => resolve({ status: 0 }));
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body: parse(text) }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0 }));
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
