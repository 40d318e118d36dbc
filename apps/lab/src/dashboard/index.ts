import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Topology } from '../topology/topology';

// The lab's control server (CLI commands from other terminals talk to it on
// loopback) owns `/api/*`; every other path is offered to the dashboard.

export interface DashboardContext {
  topology: Topology;
}

export interface Dashboard {
  /** Serves the request and returns true, or returns false to let the control server 404. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  close(): Promise<void>;
}

/** Placeholder until the dashboard work lands: no dashboard pages. */
export function createDashboard(_ctx: DashboardContext): Dashboard | null {
  return null;
}
