import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { NginxReplica } from '../../../apps/lab/src/nginx/render';

/** What an echo replica answers: who served, and what it saw of the client. */
export interface EchoBody {
  served_by: string;
  remote_address: string;
  /** nginx's side of the upstream connection: equal ports = a reused keepalive connection. */
  remote_port: number;
  headers: IncomingMessage['headers'];
  url: string;
}

/**
 * Tiny `node:http` stand-ins for cart-api replicas (`X-Served-By: appN` plus
 * an echo of the request), to test nginx itself without building the service.
 */
export class EchoReplicas {
  private readonly servers = new Map<string, Server>();
  private readonly ports = new Map<string, number>();
  private readonly sockets = new Map<string, Set<Socket>>();

  static async start(names: string[]): Promise<EchoReplicas> {
    const replicas = new EchoReplicas();
    for (const name of names) await replicas.start(name);
    return replicas;
  }

  /** Starts `name` (again, on its old port when it had one). */
  async start(name: string): Promise<void> {
    const server = createServer((req, res) => answer(name, req, res));
    // Far above nginx's upstream keepalive_timeout: an idle connection that
    // closes was closed by nginx, which is what the keepalive test checks.
    server.keepAliveTimeout = 60_000;
    const open = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    });
    this.sockets.set(name, open);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.ports.get(name) ?? 0, '127.0.0.1', () => resolve());
    });
    const addr = server.address();
    if (typeof addr === 'object' && addr) this.ports.set(name, addr.port);
    this.servers.set(name, server);
  }

  /** Closes the listener and every connection (nginx's keepalive ones too). */
  async stop(name: string): Promise<void> {
    const server = this.servers.get(name);
    if (!server) return;
    this.servers.delete(name);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Connections currently open from nginx to `name`. */
  openConnections(name: string): number {
    return this.sockets.get(name)?.size ?? 0;
  }

  names(): string[] {
    return [...this.ports.keys()];
  }

  /** The upstream list for renderNginx (every replica ever started). */
  replicas(down: string[] = []): NginxReplica[] {
    return this.names().map((name) => ({ name, host: '127.0.0.1', port: this.ports.get(name) ?? 0, down: down.includes(name) }));
  }

  async close(): Promise<void> {
    await Promise.all([...this.servers.keys()].map((n) => this.stop(n)));
  }
}

function answer(name: string, req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  req.on('end', () => {
    const body: EchoBody = { served_by: name, remote_address: req.socket.remoteAddress ?? '', remote_port: req.socket.remotePort ?? 0, headers: req.headers, url: req.url ?? '' };
    res.setHeader('X-Served-By', name);
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(body));
  });
}
