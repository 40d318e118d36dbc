import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Small `node:http` servers, one per replica name, that a balancer test can
 * stop (a refused port) and start again on the same port. What a server
 * answers, and how long it keeps idle connections, is the subclass's.
 */
export abstract class NamedServers {
  private readonly servers = new Map<string, Server>();
  protected readonly ports = new Map<string, number>();
  private readonly sockets = new Map<string, Set<Socket>>();

  /** @param keepAliveTimeoutMs how long a server keeps an idle connection open */
  protected constructor(private readonly keepAliveTimeoutMs: number) {}

  protected abstract answer(name: string, req: IncomingMessage, res: ServerResponse): void;

  /** Starts `name` (again, on its old port when it had one). */
  async start(name: string): Promise<void> {
    const server = createServer((req, res) => this.answer(name, req, res));
    server.keepAliveTimeout = this.keepAliveTimeoutMs;
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

  /** Closes the listener and every connection (the balancer's idle ones too): a refused port from now on. */
  async stop(name: string): Promise<void> {
    const server = this.servers.get(name);
    if (!server) return;
    this.servers.delete(name);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Connections currently open to `name` (the balancer's idle pool included). */
  openConnections(name: string): number {
    return this.sockets.get(name)?.size ?? 0;
  }

  /** Every name ever started, in start order. */
  names(): string[] {
    return [...this.ports.keys()];
  }

  async close(): Promise<void> {
    await Promise.all([...this.servers.keys()].map((n) => this.stop(n)));
  }
}
