// A lab topology brought to steady state before it is measured, and the
// per-replica figures that tell when it got there.
import type { Topology } from '../topology';
import { runTimeMs } from './cpu';
import { LoadSpec, runLoad } from './load';
import type { BenchContext } from './model';
import { pinServerProcesses } from './pinning';
import { Readings, Warmup, warmUntilSettled } from './steady';

interface Stats {
  requests_served?: unknown;
}

/** Requests each replica has served so far, by name, from its own `/stats` (which leaves itself out). */
export async function replicaRequests(t: Topology): Promise<Record<string, number>> {
  const { replicas } = await t.status();
  const entries = await Promise.all(
    replicas.map(async (r) => {
      const res = await fetch(`${r.url}/stats`, { signal: AbortSignal.timeout(5_000) });
      const served = ((await res.json()) as Stats).requests_served;
      if (!res.ok || typeof served !== 'number') throw new Error(`${r.name} /stats gives no requests_served (${res.status})`);
      return [r.name, served] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The topology's serving processes by name: each replica, and the balancer (master and workers). */
export async function partsOf(t: Topology): Promise<Record<string, number[]>> {
  const { replicas, balancer } = await t.status();
  return { ...Object.fromEntries(replicas.map((r) => [r.name, [r.pid!]])), [balancer.engine]: [balancer.pid!] };
}

/** Each replica's CPU time (all its threads, ns resolution) and its own request counter. */
async function readReplicas(t: Topology): Promise<Readings> {
  const [{ replicas }, requests] = await Promise.all([t.status(), replicaRequests(t)]);
  return Object.fromEntries(replicas.map((r) => [r.name, { cpuMs: runTimeMs(r.pid!), requests: requests[r.name] ?? 0 }]));
}

/**
 * The case's own load through the topology until every replica that serves
 * has a settled CPU per request (steady.ts): a freshly booted replica is
 * still compiling, and comparing it with a warm one measures the JIT.
 */
export async function warmTopology(ctx: BenchContext, t: Topology, spec: LoadSpec): Promise<Warmup> {
  pinServerProcesses(ctx.pinning);
  const { settleWindowS, settleMaxWindows } = ctx.profile;
  const warmup = await warmUntilSettled({
    read: () => readReplicas(t),
    load: async (windowS) => void (await runLoad(ctx.generator, spec, { durationS: windowS, warmupS: 0, rounds: 1 })),
    windowS: settleWindowS,
    maxWindows: settleMaxWindows,
  });
  ctx.log(`  warm-up: ${warmup.settled ? 'settled' : 'NOT settled'} after ${warmup.windows.length} windows (${warmup.seconds} s)`);
  return warmup;
}
