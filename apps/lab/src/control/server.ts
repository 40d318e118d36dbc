import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashboard, Dashboard } from '../dashboard';
import { LiveTimeline } from '../dashboard/activity';
import { recordFaults } from '../scenarios/recorded-topology';
import type { Topology } from '../topology/topology';
import { ApiContext, ControlMeta, handleApi, LabStatus } from './api';
import { HttpError } from '../util/http-error';
import { checkLocalCaller, sendError } from '../util/json-api';
import { SerialQueue } from '../util/serial-queue';

export interface ListenOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only unless you know why not. */
  host?: string;
}

export interface AttachOptions {
  onChange?: (status: LabStatus) => void;
  onDown?: () => void;
  /** One line per successful change, e.g. to the `up` terminal. */
  log?: (line: string) => void;
}

/**
 * The lab's control server: `/api/*` acts on the topology the `up` process
 * owns; every other path goes to the dashboard. It listens before the
 * topology exists (answering 503 meanwhile), so a taken port fails fast.
 */
export class ControlServer {
  private ctx?: ApiContext;
  private closing = false;
  private dashboard: Dashboard | null = null;
  private readonly startedAt = new Date().toISOString();

  private constructor(
    private readonly server: Server,
    readonly host: string,
  ) {}

  static async listen({ port = 0, host = '127.0.0.1' }: ListenOptions = {}): Promise<ControlServer> {
    const server = createServer();
    const control = new ControlServer(server, host);
    server.on('request', (req, res) => void control.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return control;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://${this.host}:${this.port}`;
  }

  get dashboardUrl(): string | null {
    return this.dashboard ? `${this.url}/` : null;
  }

  attach(lab: Topology, opts: AttachOptions = {}): void {
    // Every fault a user triggers through the API is recorded for the dashboard's timeline.
    const timeline = new LiveTimeline();
    const topology = recordFaults(lab, timeline);
    this.dashboard = createDashboard({ topology, timeline });
    this.ctx = {
      topology,
      serial: new SerialQueue(),
      meta: () => this.meta(),
      onChange: (status) => opts.onChange?.(status),
      onDown: () => opts.onDown?.(),
    };
    this.log = opts.log ?? (() => undefined);
  }

  meta(): ControlMeta {
    return { control_url: this.url, dashboard_url: this.dashboardUrl, pid: process.pid, started_at: this.startedAt };
  }

  /**
   * Refuses further changes (503) and resolves once the one in progress, if
   * any, is done: tearing down under a replica that is still starting would
   * race the driver.
   */
  async quiesce(): Promise<void> {
    this.closing = true;
    await this.ctx?.serial.run(async () => undefined);
  }

  async close(): Promise<void> {
    await this.dashboard?.close();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private log: (line: string) => void = () => undefined;

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://control').pathname;
    try {
      if (path === '/api' || path.startsWith('/api/')) return await this.api(req, res, path);
      if (this.dashboard?.handle(req, res)) return;
      throw new HttpError(404, `not found: ${path} (the control API is under /api/, e.g. GET /api/status)`);
    } catch (err) {
      this.fail(res, req, err);
    }
  }

  private async api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    checkLocalCaller(req);
    if (!this.ctx) throw new HttpError(503, 'the lab is still starting; try again in a moment');
    if (this.closing && req.method === 'POST') throw new HttpError(503, 'the lab is shutting down');
    await handleApi(this.ctx, req, res, path);
    if (req.method === 'POST') this.log(`${req.method} ${path} -> ${res.statusCode}`);
  }

  private fail(res: ServerResponse, req: IncomingMessage, err: unknown): void {
    const { statusCode, message } = sendError(res, err);
    if (req.method === 'POST') this.log(`${req.method} ${req.url} -> ${statusCode}: ${message}`);
  }
}

/** A started control server for an already started topology (tests, the dashboard's own suite). */
export async function startControlServer(
  opts: { topology: Topology } & ListenOptions & AttachOptions,
): Promise<ControlServer> {
  const control = await ControlServer.listen(opts);
  control.attach(opts.topology, opts);
  return control;
}
