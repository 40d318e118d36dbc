// A drain-aware rollout under a steady stream of shoppers: carts lost against
// total rollout time, for several drain waits. Each shopper is a short visit
// (three adds a few hundred ms apart, then the checkout read of its cart)
// and new shoppers keep arriving, so some visit is always in flight on every
// replica. Draining lets the visits bound to a replica (route cookie) finish
// while new ones go elsewhere; the longer the wait, the fewer carts a restart
// cuts off, and the longer the rollout. Memory store: the curve; Redis: zero
// whatever the wait.
import { entriesOf, FaultEntry, faultsOf, History, HistoryEntry, LabClient, userAddress } from '../client';
import { cartsCheck, Run, runScenario } from './harness';
import { rollout, RolloutResult } from './rollout';
import { matrixRow } from './row';
import type { MatrixRow, RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'rollout-drain';
/**
 * Drain waits per replica, in seconds (memory store): none, and one longer
 * than a visit plus the idle time. Each rollout is three replica restarts
 * (5–19 s each on a busy 2-core machine), which bounds how many fit in a run.
 */
export const MEMORY_WAITS_S = [0, 3];
export const REDIS_WAITS_S = [0];
/** A visit: 3 adds and the checkout read, STEP_MS apart (≈ 1.5 s in all). */
const STEP_MS = 500;
/** Visits in flight at any time. */
const CONCURRENT = 9;
/** No request for this long: the drained replica's bound visits are over. */
const IDLE_MS = 500;
/** Visits run before the rollout starts, so every replica holds some. */
const WARM_UP_MS = 1_500;

export interface WaitFacts {
  drainWaitS: number;
  rolloutMs: number;
  /** Time spent in drain waits, all replicas (the rest is restarts). */
  drainMs: number;
  visits: number;
  lostClients: string[];
  /** Visits that began while a replica drained and were served by it anyway: drain failed if any. */
  newOnDraining: string[];
  steps: RolloutResult['steps'];
}

export interface RolloutDrainFacts {
  waits: WaitFacts[];
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<RolloutDrainFacts>> {
  return runScenario(params, options, async (r) => {
    const waits: WaitFacts[] = [];
    const rows: MatrixRow[] = [];
    for (const w of params.store === 'redis' ? REDIS_WAITS_S : MEMORY_WAITS_S) {
      const { facts, row } = await measureWait(r, w);
      waits.push(facts);
      rows.push(row);
    }
    return { rows, facts: { waits } };
  });
}

async function measureWait(r: Run, waitS: number): Promise<{ facts: WaitFacts; row: MatrixRow }> {
  const own = new History();
  let done = false;
  let next = 0;
  const visit = async (worker: number) => {
    await pause((STEP_MS * worker) / CONCURRENT);
    while (!done) await shopper(r, own, `w${waitS}-v${String(++next).padStart(3, '0')}`, next);
  };
  const crowd = Promise.all(Array.from({ length: CONCURRENT }, (_, i) => visit(i)));
  let result: RolloutResult;
  try {
    await pause(WARM_UP_MS);
    result = await rollout(r.topo, {
      drainWaitMs: waitS * 1000,
      idleMs: IDLE_MS,
      actions: { drain: (n, on) => r.nemesis.drain(n, on), stop: (n) => r.nemesis.stop(n), start: (n) => r.nemesis.start(n) },
    });
  } finally {
    done = true;
    await crowd;
  }
  for (const e of own.entries) r.history.record(e);
  // Each visit's own checkout read is its final cart (faults happen all along).
  const carts = cartsCheck(own, { readAfter: -Infinity });
  const visits = new Set(entriesOf(own).map((e) => e.client)).size;
  const facts: WaitFacts = {
    drainWaitS: waitS,
    rolloutMs: result.totalMs,
    drainMs: result.steps.reduce((n, s) => n + s.waitedMs, 0),
    visits,
    lostClients: carts.lost,
    newOnDraining: newOnDraining(entriesOf(own), faultsOf(r.history)),
    steps: result.steps,
  };
  const row = matrixRow(ID, r.params, {
    variant: `drain wait ${waitS} s`,
    clients: visits,
    lost: carts.check,
    moved: 0,
    history: own,
    replicas: r.replicas,
    note: `rollout took ${(result.totalMs / 1000).toFixed(1)} s, ${(facts.drainMs / 1000).toFixed(1)} s of it draining; ${carts.lost.length} of ${visits} visits lost their cart`,
  });
  return { facts, row };
}

/** One visit: a fresh client (no cookies), three adds, the checkout read (retried once if it got no answer). */
async function shopper(r: Run, history: History, name: string, n: number): Promise<void> {
  const c = new LabClient({ name, baseUrl: r.topo.url, sourceAddress: userAddress(n % 250), history });
  try {
    for (let k = 0; k < 3; k++) {
      await c.addItem(r.skus[(n + k) % r.skus.length], 1);
      await pause(STEP_MS);
    }
    const read = await c.getCart();
    if (read.status !== 200) await c.getCart();
  } finally {
    c.close();
  }
}

/**
 * Visits whose first request started after a replica's drain took effect and
 * ended before its undrain began, yet were answered by that replica.
 */
function newOnDraining(entries: readonly HistoryEntry[], faults: FaultEntry[]): string[] {
  const windows = faults
    .filter((f) => f.fault === 'drain' && f.outcome === 'ok')
    .map((d) => ({ replica: d.target, from: d.endedAt, to: faults.find((u) => u.fault === 'undrain' && u.target === d.target && u.startedAt >= d.endedAt)?.startedAt ?? Infinity }));
  const first = new Map<string, HistoryEntry>();
  for (const e of entries) if (!first.has(e.client)) first.set(e.client, e);
  return [...first.values()]
    .filter((e) => windows.some((w) => e.servedBy === w.replica && e.startedAt >= w.from && e.startedAt < w.to))
    .map((e) => e.client)
    .sort();
}

const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));
