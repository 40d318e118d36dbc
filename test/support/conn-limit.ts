// The balancers' per-address connection limit (64), as a client meets it:
// 70 connections from one address with a request in progress (a header and
// one byte of a body, so nginx's limit_conn counts them too), then one more
// request from that address and one from another.
import { holdConnections } from '../../apps/lab/src/scenarios/attacker';
import { rawRequest, RawReply } from './raw-http';

export interface OverLimit {
  /** The extra request from the address that holds 70 connections. */
  same: RawReply;
  /** A request from another address meanwhile. */
  other: RawReply;
}

export async function overConnectionLimit(url: string, from: string, other: string): Promise<OverLimit> {
  const preamble = 'POST /cart/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{';
  const held = holdConnections({ baseUrl: url, sourceAddress: from, count: 70, preamble, holdMs: 3_000 });
  try {
    // The 70 are connected and sent before the probe (holdConnections counts them as they connect).
    await new Promise((r) => setTimeout(r, 1_000));
    const same = await rawRequest(url, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', { from });
    const otherReply = await rawRequest(url, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', { from: other });
    return { same, other: otherReply };
  } finally {
    await held;
  }
}
