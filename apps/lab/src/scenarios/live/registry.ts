// The live-socket scenarios' parametrisations, in the registry's shape, kept
// apart so `index.ts` (SCENARIOS) takes them with one spread; their words are
// in ../descriptions.ts with every other scenario's.
import * as liveCrossReplica from '../live-cross-replica';
import * as liveReplicaKilled from '../live-replica-killed';
import * as liveTransports from '../live-transports';
import { define, h, p } from '../define';
import type { ScenarioDefinition } from '../types';

export const LIVE_SCENARIOS: readonly ScenarioDefinition[] = [
  // round-robin with Redis: the session is everywhere, so only Socket.IO's own affinity need is measured.
  define(liveTransports, [p('round-robin', 'redis'), p('ip-hash'), p('sticky-cookie'), h('round-robin', 'redis'), h('sticky-cookie')]),
  define(liveReplicaKilled, [p('ip-hash', 'redis'), p('sticky-cookie', 'redis'), p('sticky-cookie'), h('sticky-cookie', 'redis')]),
  // Both adapters are measured in one run (two topologies), one row each.
  define(liveCrossReplica, [p('sticky-cookie', 'redis'), h('sticky-cookie', 'redis')]),
];

export function liveScenario(id: string): ScenarioDefinition {
  const s = LIVE_SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown live scenario "${id}"; known: ${LIVE_SCENARIOS.map((x) => x.id).join(', ')}`);
  return s;
}
