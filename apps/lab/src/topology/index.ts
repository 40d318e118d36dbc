// Entry point of the lab's topology drivers.
import { startComposeTopology } from './drivers/compose';
import { startProcessTopology } from './drivers/process';
import { TopologyError } from './errors';
import type { DriverName, Topology, TopologyOptions } from './topology';

export * from './topology';
export { ProcessTopology, startProcessTopology } from './drivers/process';
export type { ProcessTopologyOptions } from './drivers/process';
export { ComposeTopology, ComposeUnavailableError, composeUnavailableReason, startComposeTopology } from './drivers/compose';
export { TopologyCore, checkBalancerStrategy, checkReplicaCount } from './core';
export type { BalancerEntry, RedisOp, StatusRest } from './core';
export { TopologyError } from './errors';
export type { TopologyErrorKind } from './errors';
export {
  allowedActions, allowedBalancerActions, BALANCER_ACTIONS, balancerActionRefusal, isBalancerAction, isReplicaAction,
  REPLICA_ACTIONS, REPLICA_OPS, replicaActionRefusal, replicaOpRefusal,
} from './transitions';
export type { ReplicaAction, ReplicaOp } from './transitions';

export type CreateTopologyOptions = TopologyOptions & {
  /** Default: LAB_DRIVER, else `process`. */
  driver?: DriverName;
  /** process driver: bound on one replica's boot. */
  readyTimeoutMs?: number;
  /** process driver: nginx proxy_read_timeout (default '5s'), how long a request waits on a paused replica. */
  proxyReadTimeout?: string;
};

/** Boots a topology with the chosen driver and returns it started. */
export async function createTopology(opts: CreateTopologyOptions): Promise<Topology> {
  const driver = opts.driver ?? (process.env.LAB_DRIVER as DriverName | undefined) ?? 'process';
  if (driver === 'process') return startProcessTopology(opts);
  if (driver === 'compose') return startComposeTopology(opts);
  throw new TopologyError('invalid-argument', `unknown LAB_DRIVER "${driver}": use process or compose`);
}
