// The JSON the dashboard page polls (GET /dash/state).
import type { ReplicaInfo, Topology, TopologyStatus } from '../topology/topology';
import { explain } from './explain';
import type { FleetSnapshot } from './fleet';
import { fetchStats, ReplicaStats } from './replica-stats';

export interface DashReplica extends ReplicaInfo {
  stats: ReplicaStats | null;
}

export interface DashState {
  driver: TopologyStatus['driver'];
  strategy: TopologyStatus['strategy'];
  store: TopologyStatus['store'];
  url: string;
  shopUrl: string;
  nginx: TopologyStatus['nginx'];
  redis: TopologyStatus['redis'] | null;
  explanation: string;
  replicas: DashReplica[];
  clients: FleetSnapshot;
}

export async function dashState(topology: Topology, clients: FleetSnapshot): Promise<DashState> {
  const status = await topology.status();
  const replicas = await Promise.all(status.replicas.map(async (r) => ({ ...r, stats: await fetchStats(r) })));
  return {
    driver: status.driver,
    strategy: status.strategy,
    store: status.store,
    url: status.url,
    shopUrl: `${status.url.replace(/\/+$/, '')}/ui/`,
    nginx: status.nginx,
    redis: status.redis ?? null,
    explanation: explain(status.strategy, status.store),
    replicas,
    clients,
  };
}
