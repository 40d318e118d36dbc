// A topology whose faults are recorded as they happen: the same Topology to
// its callers (the control API, the dashboard), with every fault routed
// through a Nemesis, so a fault a user triggers lands in the same kind of
// history a scenario writes.
import type { Operation } from '../client/history';
import type { Topology } from '../topology/topology';
import { Nemesis } from './nemesis';

type FaultCall = (n: Nemesis, args: unknown[]) => Promise<unknown>;
/** Every fault the Nemesis can record that the Topology offers: one left out would act unrecorded. */
type FaultMethod = Extract<keyof Nemesis, keyof Topology>;

/** Topology method → the Nemesis call that does it and records it; resolves with what the topology returns. */
const FAULTS: Record<FaultMethod, FaultCall> = {
  kill: (n, [name]) => n.kill(String(name)),
  stop: (n, [name]) => n.stop(String(name)),
  pause: (n, [name]) => n.pause(String(name)),
  resume: (n, [name]) => n.resume(String(name)),
  start: (n, [name]) => n.start(String(name)),
  addReplica: async (n) => (await n.addReplica()).target,
  removeReplica: (n, [name]) => n.removeReplica(String(name)),
  scale: (n, [count]) => n.scale(count as number),
  markDown: (n, [name, down]) => n.markDown(String(name), Boolean(down)),
  drain: (n, [name, on]) => n.drain(String(name), Boolean(on)),
  redisPause: (n) => n.redisPause(),
  redisResume: (n) => n.redisResume(),
  redisKill: (n) => n.redisKill(),
  redisRestart: (n) => n.redisRestart(),
  restartBalancer: (n) => n.restartBalancer(),
  reloadBalancer: (n) => n.reloadBalancer(),
};

/** Methods that return nothing resolve with undefined, as the topology's own do. */
const RETURNS_VALUE = new Set<keyof Topology>(['addReplica']);

export function recordFaults(topology: Topology, sink: { record(op: Operation): void }): Topology {
  const nemesis = new Nemesis(topology, sink);
  return new Proxy(topology, {
    get(target, prop) {
      const fault = Object.hasOwn(FAULTS, prop) ? FAULTS[prop as FaultMethod] : undefined;
      if (fault) {
        return async (...args: unknown[]) => {
          const value = await fault(nemesis, args);
          return RETURNS_VALUE.has(prop as keyof Topology) ? value : undefined;
        };
      }
      const value = Reflect.get(target, prop);
      // Bound to the real topology, so its own internal calls (scale → addReplica) are not recorded twice.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
