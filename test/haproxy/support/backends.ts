import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HaproxyReplica } from '../../../apps/lab/src/haproxy';
import { NamedServers } from '../../support/named-servers';

/** What a backend answers: who served, and what it saw of the request. */
export interface BackendBody {
  served_by: string;
  remote_address: string;
  headers: IncomingMessage['headers'];
  url: string;
}

/** Largest hold a request may ask for (`?hold=ms`): a test cannot park a backend forever. */
const MAX_HOLD_MS = 5_000;

/**
 * Small `node:http` backends standing in for replicas: each answers its name
 * in X-Served-By (health checks included), echoes what it saw, can hold a
 * request (`?hold=ms`) so that requests overlap, and counts the requests it
 * has in flight and the most it ever had.
 */
export class Backends extends NamedServers {
  readonly inFlight = new Map<string, number>();
  readonly peak = new Map<string, number>();
  /** Requests served per backend, health checks left out. */
  readonly served = new Map<string, number>();

  private constructor() {
    super(5_000); // Node's default, as the service has it
  }

  static async start(names: string[]): Promise<Backends> {
    const b = new Backends();
    for (const name of names) await b.start(name);
    return b;
  }

  replicas(o: { down?: string[]; drain?: string[]; only?: string[] } = {}): HaproxyReplica[] {
    return this.names()
      .filter((n) => !o.only || o.only.includes(n))
      .map((name) => ({ name, host: '127.0.0.1', port: this.ports.get(name) ?? 0, down: o.down?.includes(name), drain: o.drain?.includes(name) }));
  }

  resetCounters(): void {
    for (const m of [this.peak, this.served]) m.clear();
  }

  protected answer(name: string, req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const counted = url.pathname !== '/health/ready';
    const hold = Math.min(Math.max(Number(url.searchParams.get('hold')) || 0, 0), MAX_HOLD_MS);
    if (counted) {
      const now = (this.inFlight.get(name) ?? 0) + 1;
      this.inFlight.set(name, now);
      this.peak.set(name, Math.max(now, this.peak.get(name) ?? 0));
      this.served.set(name, (this.served.get(name) ?? 0) + 1);
    }
    req.resume();
    req.on('end', () => {
      setTimeout(() => {
        if (counted) this.inFlight.set(name, (this.inFlight.get(name) ?? 1) - 1);
        const body: BackendBody = { served_by: name, remote_address: req.socket.remoteAddress ?? '', headers: req.headers, url: req.url ?? '' };
        res.setHeader('X-Served-By', name);
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(body));
      }, hold);
    });
  }
}
