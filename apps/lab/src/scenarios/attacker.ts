// One hostile address against the balancer, with raw sockets: connections
// that send half a request and wait. Every attack is bounded in count and in
// time and ends by itself (each socket is destroyed at `holdMs` at the
// latest); it only ever connects to the lab's own entry URL.
import { connect, Socket } from 'node:net';
import { clientRoute } from '../client';

export interface HeldTally {
  /** Connections asked for. */
  opened: number;
  /** Connections that got a response before the hold ended, by status (`429`, `408`, …). */
  answered: Record<string, number>;
  /** Connections the server closed or reset (answered or not) before the hold ended: it let go of them. */
  closedByServer: number;
  /** Connections that never connected (refused, reset at once). */
  failedToConnect: number;
}

export interface HoldOptions {
  baseUrl: string;
  sourceAddress: string;
  count: number;
  /** What each connection sends, then nothing more. */
  preamble: string;
  holdMs: number;
}

/** A request line and half a header: the server waits for the rest. */
export const HALF_HEADER = 'GET /products HTTP/1.1\r\nHost: lab\r\nX-Slow: ';

/** A whole header announcing a body that never comes past its first byte. */
export const HALF_BODY = 'POST /api/cart/items HTTP/1.1\r\nHost: lab\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{';

/** Opens `count` connections from one address, each sends `preamble` and holds; resolves after `holdMs` with what the server did. */
export async function holdConnections(o: HoldOptions): Promise<HeldTally> {
  const route = clientRoute(o.baseUrl, o.sourceAddress);
  const url = new URL(route.baseUrl);
  const tally: HeldTally = { opened: o.count, answered: {}, closedByServer: 0, failedToConnect: 0 };
  const sockets: Socket[] = [];
  let over = false;
  const one = () =>
    new Promise<void>((resolve) => {
      const s = connect({ host: url.hostname, port: Number(url.port || 80), ...(route.sourceAddress ? { localAddress: route.sourceAddress } : {}) });
      sockets.push(s);
      let connected = false;
      let head = '';
      s.on('connect', () => {
        connected = true;
        s.write(o.preamble);
      });
      s.on('data', (d: Buffer) => {
        // Only the status line is kept: a flood of response bytes costs nothing here.
        if (head.length < 64) head += d.toString('latin1', 0, Math.min(d.length, 64));
      });
      s.on('error', () => undefined);
      s.on('close', () => {
        if (!over) {
          if (!connected) tally.failedToConnect++;
          else tally.closedByServer++;
          const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
          if (status) tally.answered[status] = (tally.answered[status] ?? 0) + 1;
        }
        resolve();
      });
    });
  const done = Promise.all(Array.from({ length: o.count }, one));
  await new Promise((r) => setTimeout(r, o.holdMs));
  over = true;
  for (const s of sockets) s.destroy();
  await done;
  return tally;
}

/** Sum of answered statuses that are refusals (429, 503), over tallies. */
export function refusals(answered: Record<string, number>): number {
  return (answered['429'] ?? 0) + (answered['503'] ?? 0);
}
