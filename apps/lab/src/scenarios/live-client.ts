// A live-cart subscriber for the scenarios: a socket.io client bound to a
// lab client's source address, presenting that client's cookies (the REST
// session, and the route cookie under sticky-cookie), recording what happened.
import { Agent } from 'node:http';
import { io, Socket } from 'socket.io-client';
import type { CartBody } from '../../../../libs/cart';
import type { LabClient } from '../client';

export type LiveTransport = 'websocket' | 'polling';

export interface LiveEvent {
  at: number;
  kind: 'hello' | 'cart' | 'disconnect' | 'connect_error';
  /** hello: the replica that holds the socket; cart: item count; others: the reason. */
  detail: string;
  cart?: CartBody;
}

export interface LiveProbeOptions {
  transport: LiveTransport;
  /** Let socket.io-client reconnect by itself (1 s, ×2 up to 2 s, ±50 %). */
  reconnect?: boolean;
}

export class LiveProbe {
  readonly events: LiveEvent[] = [];
  private readonly socket: Socket;
  private readonly agent: Agent;

  constructor(
    readonly client: LabClient,
    opts: LiveProbeOptions,
  ) {
    this.agent = new Agent({ keepAlive: true, ...(client.sourceAddress ? { localAddress: client.sourceAddress } : {}) });
    const cookie = Object.entries(client.cookies())
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    this.socket = io(client.baseUrl, {
      path: '/socket.io/',
      transports: [opts.transport],
      upgrade: false,
      forceNew: true,
      agent: this.agent as unknown as string,
      extraHeaders: { cookie },
      reconnection: opts.reconnect ?? false,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 2000,
      timeout: 5000,
    });
    this.socket.on('hello', (h: { served_by: string }) => this.note('hello', h.served_by));
    this.socket.on('cart', (cart: CartBody) => this.note('cart', String(cart.item_count), cart));
    this.socket.on('disconnect', (why: string) => this.note('disconnect', why));
    this.socket.on('connect_error', (err: Error) => this.note('connect_error', err.message));
  }

  /** The replica of the latest hello, or null before the first. */
  get replica(): string | null {
    return this.last('hello')?.detail ?? null;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  last(kind: LiveEvent['kind']): LiveEvent | undefined {
    for (let i = this.events.length - 1; i >= 0; i--) if (this.events[i].kind === kind) return this.events[i];
    return undefined;
  }

  count(kind: LiveEvent['kind'], since = 0): number {
    return this.events.filter((e) => e.kind === kind && e.at >= since).length;
  }

  /** The first event of `kind` at or after `since`. */
  first(kind: LiveEvent['kind'], since: number): LiveEvent | undefined {
    return this.events.find((e) => e.kind === kind && e.at >= since);
  }

  close(): void {
    this.socket.close();
    this.agent.destroy();
  }

  private note(kind: LiveEvent['kind'], detail: string, cart?: CartBody): void {
    this.events.push({ at: Date.now(), kind, detail, ...(cart ? { cart } : {}) });
  }
}

/** Percentile `p` (0–100) of `xs`, nearest rank; null for none. */
export function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
