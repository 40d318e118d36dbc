import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, HttpError } from '../util/http-error';
import { checkLocalCaller, readJson, sendError, sendJson } from '../util/json-api';
import type { Topology } from '../topology/topology';
import { DASHBOARD_CSP, DASHBOARD_HTML } from './assets/page';
import { Fleet, FleetOptions } from './fleet';
import { dashState, DashState } from './state';
import { LiveTimeline, sendTimeline } from './activity';

// The lab's control server (CLI commands from other terminals talk to it on
// loopback) owns `/api/*`; every other path is offered to the dashboard.
// The dashboard's own endpoints live under /dash/.

export interface DashboardContext {
  topology: Topology;
  /** Simulated clients (tests use fewer or faster ones). */
  fleet?: Omit<FleetOptions, 'url' | 'record'>;
  /** Where the clients' requests go; the control server records the faults into the same one. */
  timeline?: LiveTimeline;
}

export interface Dashboard {
  /** Serves the request and returns true, or returns false to let the control server 404. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  close(): Promise<void>;
}

export function createDashboard(ctx: DashboardContext): Dashboard | null {
  return new LabDashboard(ctx);
}

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

class LabDashboard implements Dashboard {
  private readonly fleet: Fleet;
  private closed = false;
  private pending?: Promise<DashState>;
  private readonly routes: Record<string, Route>;
  private readonly timeline: LiveTimeline;

  constructor(private readonly ctx: DashboardContext) {
    const timeline = (this.timeline = ctx.timeline ?? new LiveTimeline());
    this.fleet = new Fleet({ ...ctx.fleet, url: ctx.topology.url, record: (e) => timeline.record(e) });
    this.routes = {
      'GET /': (_req, res) => this.page(res),
      'GET /index.html': (_req, res) => this.page(res),
      'GET /favicon.ico': (_req, res) => void res.writeHead(204).end(),
      'GET /dash/state': (_req, res) => this.state(res),
      'POST /dash/clients': (req, res) => this.clients(req, res),
      'GET /dash/timeline': (_req, res) => sendTimeline(res, this.timeline),
    };
  }

  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = new URL(req.url ?? '/', 'http://dashboard').pathname;
    const route = this.routes[`${req.method === 'HEAD' ? 'GET' : req.method} ${path}`];
    if (!route) return false;
    // GETs too: a DNS-rebinding page (foreign Host) must not read pids and
    // ports, and another site's page must not even fetch the dashboard.
    Promise.resolve()
      .then(() => checkLocalCaller(req))
      .then(() => route(req, res))
      .catch((err) => sendError(res, err));
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.fleet.close();
  }

  private page(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': DASHBOARD_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(DASHBOARD_HTML);
  }

  /** Reads only: the clients start with the page's POST, never with a GET (an <img> could send one). */
  private async state(res: ServerResponse): Promise<void> {
    // Several tabs polling at once share one round of /stats reads.
    this.pending ??= dashState(this.ctx.topology, this.fleet.snapshot()).finally(() => (this.pending = undefined));
    sendJson(res, 200, await this.pending);
  }

  /** {running?: boolean, sameNat?: boolean, reset?: true}: pause, NAT switch, fresh clients. */
  private async clients(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new HttpError(415, 'send a JSON body with content-type application/json');
    }
    const body = await readJson(req);
    for (const key of ['running', 'sameNat', 'reset']) {
      if (body[key] !== undefined && typeof body[key] !== 'boolean') throw badRequest(`"${key}" must be true or false`);
    }
    if (this.closed) throw new HttpError(503, 'the dashboard is closing');
    const snap = this.fleet.snapshot();
    const sameNat = (body.sameNat as boolean | undefined) ?? snap.sameNat;
    if (body.reset === true || sameNat !== snap.sameNat) this.fleet.start(sameNat);
    if (body.running === false) this.fleet.pause();
    else if (body.running === true && !this.fleet.isRunning) this.fleet.resume();
    sendJson(res, 200, this.fleet.snapshot());
  }
}
