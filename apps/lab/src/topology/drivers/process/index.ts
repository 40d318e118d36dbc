export { ProcessTopology, startProcessTopology } from './process-topology';
export type { ProcessTopologyOptions } from './process-topology';
export { ReplicaProcess, handshakePort } from './replica';
export type { ReplicaSpec } from './replica';
export { RedisServer, redisPing, redisCommand } from './redis-server';
export { startNginxFront } from './nginx-front';
export type { NginxFront, NginxFrontOptions } from './nginx-front';
