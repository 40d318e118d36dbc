import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NginxReplica } from '../../../apps/lab/src/nginx/render';
import { NamedServers } from '../named-servers';

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
export class EchoReplicas extends NamedServers {
  private constructor() {
    // Far above nginx's upstream keepalive_timeout: an idle connection that
    // closes was closed by nginx, which is what the keepalive test checks.
    super(60_000);
  }

  static async start(names: string[]): Promise<EchoReplicas> {
    const replicas = new EchoReplicas();
    for (const name of names) await replicas.start(name);
    return replicas;
  }

  /** The upstream list for renderNginx (every replica ever started). */
  replicas(down: string[] = []): NginxReplica[] {
    return this.names().map((name) => ({ name, host: '127.0.0.1', port: this.ports.get(name) ?? 0, down: down.includes(name) }));
  }

  protected answer(name: string, req: IncomingMessage, res: ServerResponse): void {
    echo(name, req, res);
  }
}

function echo(name: string, req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  req.on('end', () => {
    const body: EchoBody = { served_by: name, remote_address: req.socket.remoteAddress ?? '', remote_port: req.socket.remotePort ?? 0, headers: req.headers, url: req.url ?? '' };
    res.setHeader('X-Served-By', name);
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(body));
  });
}
