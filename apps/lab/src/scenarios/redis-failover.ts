// The replicated store's own failure: 30 shoppers keep adding items while
// the Redis primary is SIGKILLed (redis-primary-killed) or SIGSTOPped past
// Sentinel's down-after, replaced, and thawed (redis-primary-paused). The
// numbers come from the recorded history: how long writes had no primary,
// which acknowledged adds the final carts miss, how many requests failed.
import { entriesOf, type FaultEntry, type History, type HistoryEntry, type LabClient } from '../client';
import type { LostItem } from '../client/checkers';
import type { Topology } from '../topology/topology';
import { waitFor } from '../util/wait';
import { all, cartsCheck, closeAll, fill, makeClients, Run, runScenario } from './harness';
import { matrixRow } from './row';
import type { MatrixRow, RunOptions, ScenarioParams, ScenarioResult } from './types';

export interface FailoverFacts {
  /**
   * Longest stretch after the fault with no acknowledged add (the end of
   * the last one before it → the end of the next): at ~150 writes/s, the
   * time writes had no primary. null: no add was acknowledged after the fault.
   */
  noPrimaryMs: number | null;
  /** Acknowledged adds the final carts miss (sum over items of expected − seen). */
  ackedAddsLost: number;
  /** Clients missing at least one acknowledged add. */
  clientsLost: string[];
  /** Acknowledged adds over the whole run. */
  ackedAdds: number;
  failedWrites: number;
  /** Primary before and after the fault (host:port). */
  primaryBefore?: string;
  primaryAfter?: string;
  /** When each step finished, ms after the fault started: where a slow run spent its time. */
  steps: Record<string, number>;
}

export type Fault = 'killed' | 'paused';

/** Pause between one client's writes: 30 clients ≈ 150 writes/s, light enough for a loaded 2-core machine. */
const WRITE_GAP_MS = 200;
/** Sentinel down-after 1 s + election + promotion, on a loaded machine. */
const FAILOVER_BOUND_MS = 30_000;

/** Each param set's words: `WAIT 1, min-replicas-to-write 1`. */
export function sentinelVariant(p: ScenarioParams): string {
  const s = p.sentinel ?? { waitReplicas: 0, minReplicasToWrite: 0 };
  return `WAIT ${s.waitReplicas}${s.minReplicasToWrite ? `, min-replicas-to-write ${s.minReplicasToWrite}` : ''}`;
}

export function runFailover(id: string, fault: Fault, params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<FailoverFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      const primaryBefore = await primaryOf(r.topo);
      const writers = writeThroughout(r, clients);
      try {
        await waitFor('every shopper to have two acknowledged adds', () => clients.every((c) => acked(r.history, c.name) >= 2), { timeoutMs: 20_000, intervalMs: 100 });
        const faultEntry = fault === 'killed' ? await r.nemesis.redisKill() : await r.nemesis.redisPause();
        const steps: Record<string, number> = {};
        const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
          const out = await fn();
          steps[name] = Math.round(Date.now() - faultEntry.startedAt);
          return out;
        };
        const primaryAfter = await step('promoted', () => untilPrimaryOtherThan(r.topo, primaryBefore));
        if (fault === 'paused') {
          await step('wrote on the new primary', () => untilEveryShopperWrote(r.history, clients, Date.now()));
          await step('resumed', () => r.nemesis.redisResume());
          await step('old primary demoted', () => untilDemoted(r.topo, primaryBefore!));
        }
        await step('every shopper wrote', () => untilEveryShopperWrote(r.history, clients, Date.now()));
        writers.stop();
        await step('writers stopped', () => writers.done);
        await step('every cart read', () => untilEveryCartRead(clients));
        const facts = { ...measure(r.history, faultEntry, primaryBefore, primaryAfter), steps };
        return { rows: [row(id, r, params, clients.length, facts)], facts };
      } finally {
        writers.stop();
        await writers.done;
      }
    } finally {
      closeAll(clients);
    }
  }, sentinelEnv(params));
}

function sentinelEnv(p: ScenarioParams): Record<string, string> | undefined {
  const n = p.sentinel?.waitReplicas ?? 0;
  return n > 0 ? { REDIS_WAIT_REPLICAS: String(n) } : undefined;
}

/** Every client adds one item (rotating SKUs, so an unknown outcome clouds one line only) every WRITE_GAP_MS until stopped. */
function writeThroughout(r: Run, clients: readonly LabClient[]): { stop(): void; done: Promise<void> } {
  let running = true;
  const done = Promise.all(
    clients.map(async (c, i) => {
      for (let k = 1; running; k += 1) {
        await c.addItem(r.skus[(i + k) % r.skus.length], 1);
        if (running) await new Promise((res) => setTimeout(res, WRITE_GAP_MS));
      }
    }),
  ).then(() => undefined);
  return { stop: () => (running = false), done };
}

const isAdd = (e: HistoryEntry) => e.op === 'addItem';

function acked(history: History, client: string): number {
  return entriesOf(history).filter((e) => e.client === client && isAdd(e) && e.outcome === 'ok').length;
}

async function untilEveryShopperWrote(history: History, clients: readonly LabClient[], since: number): Promise<void> {
  await waitFor('every shopper to have an acknowledged add after the change', () => {
    const ok = new Set(entriesOf(history).filter((e) => isAdd(e) && e.outcome === 'ok' && e.startedAt >= since).map((e) => e.client));
    return clients.every((c) => ok.has(c.name));
  }, { timeoutMs: FAILOVER_BOUND_MS, intervalMs: 100 });
}

async function primaryOf(topo: Topology): Promise<string | undefined> {
  return (await topo.status()).redis?.ha?.primary;
}

async function untilPrimaryOtherThan(topo: Topology, old: string | undefined): Promise<string> {
  let now: string | undefined;
  await waitFor(`Sentinel to promote a replica in place of ${old}`, async () => {
    now = await primaryOf(topo);
    return !!now && now !== old;
  }, { timeoutMs: FAILOVER_BOUND_MS, intervalMs: 100 });
  return now!;
}

async function untilDemoted(topo: Topology, address: string): Promise<void> {
  await waitFor(`the thawed old primary ${address} to rejoin as a replica`, async () => {
    const node = (await topo.status()).redis?.ha?.nodes.find((n) => n.address === address);
    return node?.role === 'replica';
  }, { timeoutMs: FAILOVER_BOUND_MS, intervalMs: 200 });
}

async function untilEveryCartRead(clients: LabClient[]): Promise<void> {
  await waitFor('every shopper\'s cart read to succeed after the failover', async () => (await all(clients, (c) => c.getCart())).every((x) => x.ok), {
    timeoutMs: 15_000,
    intervalMs: 200,
  });
}

/** The history's numbers; pure, so the replay tests pin them down. */
export function measure(history: History, fault: FaultEntry, primaryBefore?: string, primaryAfter?: string): Omit<FailoverFacts, 'steps'> {
  const adds = entriesOf(history).filter(isAdd);
  const okEnds = adds.filter((e) => e.outcome === 'ok').map((e) => e.endedAt).sort((a, b) => a - b);
  const { check, lost } = cartsCheck(history);
  return {
    noPrimaryMs: longestGapAfter(okEnds, fault.startedAt),
    ackedAddsLost: sumLost(check.lost),
    clientsLost: lost,
    ackedAdds: adds.filter((e) => e.outcome === 'ok').length,
    failedWrites: adds.filter((e) => e.outcome !== 'ok').length,
    primaryBefore,
    primaryAfter,
  };
}

/** Longest gap between consecutive times that ends after `from` (the gap the fault opened may start before it). */
export function longestGapAfter(sortedTimes: readonly number[], from: number): number | null {
  let longest: number | null = null;
  for (let i = 1; i < sortedTimes.length; i += 1) {
    if (sortedTimes[i] <= from) continue;
    const gap = sortedTimes[i] - sortedTimes[i - 1];
    if (longest === null || gap > longest) longest = gap;
  }
  return longest === null ? null : Math.round(longest);
}

function sumLost(items: readonly LostItem[]): number {
  return items.reduce((n, l) => n + (l.expectedQty - l.seenQty), 0);
}

function row(id: string, r: Run, params: ScenarioParams, clients: number, f: FailoverFacts): MatrixRow {
  const gap = f.noPrimaryMs === null ? 'no write failed' : `no primary for ${f.noPrimaryMs} ms`;
  const measured = matrixRow(id, params, {
    variant: sentinelVariant(params),
    clients,
    lost: cartsCheck(r.history).check,
    moved: 0,
    history: r.history,
    replicas: r.replicas,
    note: `${gap}; ${f.ackedAddsLost} of ${f.ackedAdds} acknowledged adds lost; failover timing is chance: lab report repeats this cell (--runs)`,
  });
  return { ...measured, failover: { no_primary_ms: f.noPrimaryMs, acked_adds_lost: f.ackedAddsLost, acked_adds: f.ackedAdds } };
}
