// The live-socket scenarios: their catalog text and parametrisations, in the
// registry's shape, kept apart so `index.ts` (SCENARIOS) and `catalog.ts`
// (CATALOG) take them with one spread each.
import type { ScenarioInfo } from '../catalog';
import * as liveCrossReplica from '../live-cross-replica';
import * as liveReplicaKilled from '../live-replica-killed';
import * as liveTransports from '../live-transports';
import type { ScenarioDefinition, ScenarioParams, ScenarioResult } from '../types';

export const LIVE_CATALOG: readonly ScenarioInfo[] = [
  {
    id: liveTransports.ID,
    title: 'Live sockets: transports through the balancer',
    fault: 'none: 30 shoppers subscribe to their cart over Socket.IO, polling only, then WebSocket only',
    read: 'Long-polling is many HTTP requests that must reach one replica: round robin breaks its handshake ("Session ID unknown"), affinity does not. A WebSocket is one connection and works on any strategy.',
  },
  {
    id: liveReplicaKilled.ID,
    title: 'Live sockets: their replica killed',
    fault: 'SIGKILL the replica holding the most sockets while the carts change',
    read: 'Every socket it held drops; clients reconnect within about a second to another replica. Pushes sent during the gap are missed (no connection state recovery), so the page re-reads its cart on reconnect. With the memory store the session died too and the socket is refused.',
  },
  {
    id: liveCrossReplica.ID,
    title: 'Live sockets: a write on another replica',
    fault: 'none: the cart changes on one replica while its socket lives on another',
    read: 'Without a cross-replica adapter the push never leaves the replica that handled the write; with the Redis adapter every push arrives, a few milliseconds later.',
  },
];

const p = (strategy: ScenarioParams['strategy'], store: ScenarioParams['store'] = 'memory'): ScenarioParams => ({ strategy, store });

interface Module {
  ID: string;
  run(params: ScenarioParams): Promise<ScenarioResult<unknown>>;
}

function define(mod: Module, params: ScenarioParams[]): ScenarioDefinition {
  const info = LIVE_CATALOG.find((c) => c.id === mod.ID)!;
  return { id: mod.ID, title: info.title, fault: info.fault, params, run: (x) => mod.run(x) as Promise<ScenarioResult> };
}

export const LIVE_SCENARIOS: readonly ScenarioDefinition[] = [
  // round-robin with Redis: the session is everywhere, so only Socket.IO's own affinity need is measured.
  define(liveTransports, [p('round-robin', 'redis'), p('ip-hash'), p('sticky-cookie')]),
  define(liveReplicaKilled, [p('ip-hash', 'redis'), p('sticky-cookie', 'redis'), p('sticky-cookie')]),
  // Both adapters are measured in one run (two topologies), one row each.
  define(liveCrossReplica, [p('sticky-cookie', 'redis')]),
];

export function liveScenario(id: string): ScenarioDefinition {
  const s = LIVE_SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown live scenario "${id}"; known: ${LIVE_SCENARIOS.map((x) => x.id).join(', ')}`);
  return s;
}
