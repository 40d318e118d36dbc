// One hostile address against the balancer: connections that send half a
// request and wait, WebSockets on one session, a request flood. Every attack
// is bounded in count and in time and ends by itself (a held connection is
// destroyed at `holdMs` at the latest, the flood starts nothing after it); it only ever connects to the lab's
// own entry URL. It runs in a child process of its own (attacker-main.ts), so
// its sockets never share an event loop with the clients whose latency the
// scenario measures.
import { connect, Socket } from 'node:net';
import { LabClient } from '../client';
import { LiveProbe } from './live-client';

export interface HeldTally {
  /** Connections asked for. */
  opened: number;
  /** Connections that got a response before the hold ended, by status (`429`, `408`, …). */
  answered: Record<string, number>;
  /** Connections the server closed or reset (answered or not) before the hold ended: it let go of them. */
  closedByServer: number;
  /**
   * Connections the server closed or answered before the hold ended: it gave
   * up on the request. HAProxy ≥ 3.0 answers a half body 408 and then reads
   * (drains) the rest until `timeout client` before it closes.
   */
  letGo: number;
  /** Connections that never connected (refused, reset at once). */
  failedToConnect: number;
  /** Connections established before the hold ended (a full accept queue delays the rest). */
  connected: number;
  /** Slowest connect, ms: how long the accept queue kept this address waiting. */
  slowestConnectMs: number;
}

export interface HoldOptions {
  baseUrl: string;
  sourceAddress: string;
  count: number;
  /** What each connection sends, then nothing more. */
  preamble: string;
  /** The longest a connection is held; the hold ends earlier once the server closed them all. */
  holdMs: number;
}

/** A request line and half a header: the server waits for the rest. */
export const HALF_HEADER = 'GET /products HTTP/1.1\r\nHost: lab\r\nX-Slow: ';

/** A whole header announcing a body that never comes past its first byte. */
export const HALF_BODY = 'POST /api/cart/items HTTP/1.1\r\nHost: lab\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{';

/** Opens `count` connections from one address, each sends `preamble` and holds; resolves with what the server did once it let go of them all, or after `holdMs`. */
export async function holdConnections(o: HoldOptions): Promise<HeldTally> {
  const url = new URL(o.baseUrl);
  const tally: HeldTally = { opened: o.count, answered: {}, closedByServer: 0, letGo: 0, failedToConnect: 0, connected: 0, slowestConnectMs: 0 };
  const t0 = Date.now();
  const sockets: Socket[] = [];
  let over = false;
  let settled = 0;
  let allSettled: () => void = () => undefined;
  const settledAll = new Promise<void>((r) => (allSettled = r));
  // Answered, closed, or never connected: nothing more to wait for on that one.
  const settle = () => {
    if (++settled === o.count) allSettled();
  };
  const one = () =>
    new Promise<void>((resolve) => {
      const s = connect({ host: url.hostname, port: Number(url.port || 80), localAddress: o.sourceAddress });
      sockets.push(s);
      let connected = false;
      let released = false;
      const release = () => {
        if (!released && !over) tally.letGo++;
        if (!released) settle();
        released = true;
      };
      let head = '';
      s.on('connect', () => {
        connected = true;
        tally.connected++;
        tally.slowestConnectMs = Math.max(tally.slowestConnectMs, Date.now() - t0);
        s.write(o.preamble);
      });
      s.on('data', (d: Buffer) => {
        // Only the status line is kept: a flood of response bytes costs nothing here.
        if (head.length >= 64) return;
        head += d.toString('latin1', 0, Math.min(d.length, 64));
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
        if (status && !released && !over) tally.answered[status] = (tally.answered[status] ?? 0) + 1;
        if (status) release();
      });
      s.on('error', () => undefined);
      s.on('close', () => {
        if (!over) {
          if (!connected) {
            tally.failedToConnect++;
            settle();
          } else {
            tally.closedByServer++;
            release();
          }
        }
        resolve();
      });
    });
  const done = Promise.all(Array.from({ length: o.count }, one));
  // Held until the server has let go of every one, or `holdMs` at most.
  const delay = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  await Promise.race([settledAll, delay(o.holdMs)]);
  // An answer and the close after it can arrive in separate reads: a
  // moment more for the closes (all of them unless a server drains the rest of the request).
  await Promise.race([done, delay(Math.min(1_000, t0 + o.holdMs - Date.now()))]);
  // A busy loop runs an expired timer before the socket events already
  // waiting: let those in first (setImmediate runs after the poll phase), so
  // a close the server sent before the hold ended is counted as the server's.
  await new Promise((r) => setImmediate(r));
  over = true;
  for (const s of sockets) s.destroy();
  await done;
  return tally;
}

/** Sum of answered statuses that are refusals (429, 503), over tallies. */
export function refusals(answered: Record<string, number>): number {
  return (answered['429'] ?? 0) + (answered['503'] ?? 0);
}

/** The attack, per kind: bounded in count; the flood ends at `holdMs`, held connections at twice that. */
export const ATTACK = { idleHeaders: 600, halfBodies: 100, sockets: 500, floodRequests: 2_000, floodInFlight: 128 } as const;

export interface AttackOptions {
  /** The entry URL and source address as the attacker's sockets must use them (already routed, see clientRoute). */
  baseUrl: string;
  sourceAddress: string;
  /** A SKU the attacker adds to its cart: its one session, which its sockets present. */
  sku: string;
  holdMs: number;
}

export interface AttackResult {
  idle: HeldTally;
  bodies: HeldTally;
  /** WebSockets the replicas welcomed; handshakes refused (a 4xx/5xx from a balancer or replica). */
  socketsConnected: number;
  socketsRefused: number;
  floodSent: number;
  /** Flood answers by status (`0`: no answer). */
  floodAnswered: Record<string, number>;
}

/** Every attack at once from one address; resolves when all have ended (`holdMs` to twice that). */
export async function attack(o: AttackOptions): Promise<AttackResult> {
  const me = new LabClient({ name: 'x01', baseUrl: o.baseUrl, sourceAddress: o.sourceAddress });
  const flooders = Array.from({ length: ATTACK.floodInFlight / 4 }, (_, i) => new LabClient({ name: `flood${i}`, baseUrl: o.baseUrl, sourceAddress: o.sourceAddress }));
  const probes: LiveProbe[] = [];
  try {
    await me.addItem(o.sku, 1);
    // Room for a busy machine: a connection the accept queue delayed by seconds is timed from its accept.
    const held = (count: number, preamble: string) => holdConnections({ baseUrl: o.baseUrl, sourceAddress: o.sourceAddress, count, preamble, holdMs: o.holdMs * 2 });
    const idle = held(ATTACK.idleHeaders, HALF_HEADER);
    const bodies = held(ATTACK.halfBodies, HALF_BODY);
    for (let i = 0; i < ATTACK.sockets; i++) probes.push(new LiveProbe(me, { transport: 'websocket' }));
    const floodAnswered = await sendFlood(flooders, ATTACK.floodRequests, Date.now() + o.holdMs);
    const [i, b] = await Promise.all([idle, bodies]);
    return {
      idle: i,
      bodies: b,
      socketsConnected: probes.filter((p) => p.count('hello') > 0).length,
      socketsRefused: probes.filter((p) => p.count('hello') === 0 && p.count('connect_error') > 0).length,
      floodSent: Object.values(floodAnswered).reduce((a, n) => a + n, 0),
      floodAnswered,
    };
  } finally {
    for (const p of probes) p.close();
    for (const c of [me, ...flooders]) c.close();
  }
}

/** Up to `total` GETs shared out over every flooder's 4 sockets, none started after `deadline`; each bounded by the client's 5 s timeout. */
async function sendFlood(flooders: LabClient[], total: number, deadline: number): Promise<Record<string, number>> {
  let left = total;
  const answered: Record<string, number> = {};
  const lanes = flooders.flatMap((c) =>
    Array.from({ length: 4 }, async () => {
      while (left > 0 && Date.now() < deadline) {
        left--;
        const status = String((await c.request('GET', '/products')).status ?? 0);
        answered[status] = (answered[status] ?? 0) + 1;
      }
    }),
  );
  await Promise.all(lanes);
  return answered;
}
