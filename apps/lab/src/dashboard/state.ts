// The JSON the dashboard page polls (GET /dash/state).
import type { ReplicaInfo, Topology, TopologyStatus } from '../topology/topology';
import { allowedActions, allowedBalancerActions, allowedRedisActions, RedisAction, ReplicaAction } from '../topology/transitions';
import { haLines } from '../topology/redis-ha';
import { describeRotation, RotationView } from '../topology/rotation';
import type { BalancerOp } from '../vocabulary';
import { explain } from './explain';
import type { FleetSnapshot } from './fleet';
import { fetchStats, ReplicaStats } from '../client/replica-stats';

// The page enables exactly the actions listed here: the server's transition
// table is the only one, so a button never offers what the API would refuse.
export interface DashReplica extends ReplicaInfo {
  stats: ReplicaStats | null;
  actions: ReplicaAction[];
  /** How the balancer treats it, in `lab status`'s words. */
  rotation: RotationView;
}

/** `ha_lines`: the Sentinel group's view (haLines), empty with one Redis; `sentinel`: whether a group runs at all. */
export type DashRedis = NonNullable<TopologyStatus['redis']> & { actions: RedisAction[]; ha_lines: string[]; sentinel: boolean };

export interface DashState {
  driver: TopologyStatus['driver'];
  strategy: TopologyStatus['strategy'];
  store: TopologyStatus['store'];
  url: string;
  shopUrl: string;
  /** `actions`: what the balancer accepts now (a dead one: restart only). */
  balancer: TopologyStatus['balancer'] & { actions: BalancerOp[] };
  redis: DashRedis | null;
  explanation: string;
  replicas: DashReplica[];
  clients: FleetSnapshot;
}

export async function dashState(topology: Topology, clients: FleetSnapshot): Promise<DashState> {
  const status = await topology.status();
  const balancer = { engine: status.balancer.engine, state: status.balancer.state ?? 'running' };
  const replicas = await Promise.all(
    status.replicas.map(async (r) => ({ ...r, stats: await fetchStats(r), actions: allowedActions(r, status.replicas), rotation: describeRotation(r, balancer) })),
  );
  return {
    driver: status.driver,
    strategy: status.strategy,
    store: status.store,
    url: status.url,
    shopUrl: `${status.url.replace(/\/+$/, '')}/ui/`,
    balancer: { ...status.balancer, actions: allowedBalancerActions(balancer.engine, balancer.state) },
    redis: status.redis ? { ...status.redis, actions: allowedRedisActions(status.redis.state), ha_lines: status.redis.ha ? haLines(status.redis.ha) : [], sentinel: !!status.redis.ha } : null,
    explanation: explain(status.strategy, status.store, status.balancer.engine),
    replicas,
    clients,
  };
}
