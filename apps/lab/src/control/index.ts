export { ControlServer, startControlServer } from './server';
export type { AttachOptions, ListenOptions } from './server';
export type { ControlMeta, LabStatus } from './api';
export { MAX_REPLICAS, REPLICA_DONE } from './api';
export { REPLICA_ACTIONS } from '../topology/transitions';
export type { ReplicaAction } from '../topology/transitions';
