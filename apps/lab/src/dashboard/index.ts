import type { Topology } from '../topology/topology';

export interface DashboardHandle {
  url: string;
  close(): Promise<void>;
}

export interface DashboardOptions {
  /** 0 picks a free port; listens on 127.0.0.1 only. */
  port: number;
}

/** Placeholder until the dashboard work lands: no dashboard. */
export async function startDashboard(_topology: Topology, _opts: DashboardOptions): Promise<DashboardHandle | null> {
  return null;
}
