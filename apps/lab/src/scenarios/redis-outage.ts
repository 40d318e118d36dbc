// The shared store fails: paused (hangs), then restarted empty.
import { after, entriesOf, within, type HistoryEntry, type LabClient } from '../client';
import { waitFor } from '../util/wait';
import { maxLatencyMs } from './checkers';
import { all, cartsCheck, closeAll, fill, makeClients, Run, runScenario } from './harness';
import { matrixRow } from './row';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'redis-outage';

export interface OutageFacts {
  /** Every request sent while Redis was paused. */
  duringPause: { status?: number; outcome: string; ms: number; error?: string }[];
  maxLatencyDuringPauseMs: number;
  /** Clients whose acknowledged cart was missing after Redis resumed. */
  lostAfterResume: string[];
  /** Clients whose acknowledged cart was missing after Redis restarted empty. */
  lostAfterRestart: string[];
  clientsWithCart: number;
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<OutageFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      await all(clients, (c) => c.getCart());
      const filled = cartsCheck(r.history);
      const clientsWithCart = filled.check.judged.length - filled.lost.length;
      const pause = await r.nemesis.redisPause();
      // A read and a write per client, all at once, against a frozen store.
      await all(clients, async (c) => Promise.all([c.getCart(), c.addItem(r.skus[0], 1)]));
      const resume = await r.nemesis.redisResume();
      const paused = entriesOf(within(r.history, { from: pause.endedAt, to: resume.startedAt }));
      await untilCartsServed(r, clients[0]);
      await all(clients, (c) => c.getCart());
      // Judged on reads after the resume only (the checker's default: after the last fault).
      const resumed = cartsCheck(r.history);
      const restart = await r.nemesis.redisRestart();
      await untilCartsServed(r, clients[0]);
      await all(clients, (c) => c.getCart());
      const restarted = cartsCheck(r.history);
      const lostAfterResume = resumed.lost;
      const lostAfterRestart = restarted.lost;
      const facts: OutageFacts = {
        duringPause: paused.map(brief),
        maxLatencyDuringPauseMs: maxLatencyMs(paused),
        lostAfterResume,
        lostAfterRestart,
        clientsWithCart,
      };
      const rows = [
        matrixRow(ID, params, {
          variant: 'paused',
          clients: clients.length,
          lost: resumed.check,
          moved: 0,
          history: paused,
          replicas: r.replicas,
          note: `slowest request while paused: ${facts.maxLatencyDuringPauseMs} ms`,
        }),
        matrixRow(ID, params, {
          variant: 'restarted',
          clients: clients.length,
          lost: restarted.check,
          moved: 0,
          history: after(r.history, restart),
          replicas: r.replicas,
          note: 'redis-server restarted without persistence',
        }),
      ];
      return { rows, facts };
    } finally {
      closeAll(clients);
    }
  });
}

function brief(e: HistoryEntry) {
  return { status: e.status, outcome: e.outcome, ms: Math.round(e.endedAt - e.startedAt), error: e.error };
}

/** The replicas reconnect by themselves; poll until a cart read succeeds again. */
async function untilCartsServed(r: Run, c: LabClient): Promise<void> {
  await waitFor('cart reads succeed again after the Redis fault', async () => (await c.getCart()).ok, { timeoutMs: 15_000, intervalMs: 200 });
}
