// The shared store fails: paused (hangs), then restarted empty; with AOF
// persistence, restarted with every session kept.
import { after, entriesOf, within, type FaultEntry, type History, type HistoryEntry, type LabClient } from '../client';
import { waitFor } from '../util/wait';
import type { LostCheck } from '../client/checkers';
import { maxLatencyMs } from './measures';
import { all, cartsCheck, closeAll, fill, makeClients, Run, runScenario } from './harness';
import { matrixRow } from './row';
import type { MatrixRow, RunOptions, ScenarioParams, ScenarioResult } from './types';

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
  /** Clients whose first answer after the restart said `X-Session-Status: expired-or-lost`. */
  toldLostAfterRestart: string[];
}

/** The service's word for "the session you presented no longer exists". */
export const SESSION_LOST = 'expired-or-lost';

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<OutageFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      await all(clients, (c) => c.getCart());
      const filled = cartsCheck(r.history);
      const clientsWithCart = filled.check.judged.length - filled.lost.length;
      // With AOF only the restart is measured: a pause does not touch the data, persistence or not.
      const paused = params.redisPersistence === 'aof' ? null : await pauseAndResume(r, clients);
      const restart = await r.nemesis.redisRestart();
      await untilEveryCartServed(clients);
      const restarted = cartsCheck(r.history);
      const told = toldLost(r.history, restart);
      const facts: OutageFacts = {
        duringPause: paused?.requests.map(brief) ?? [],
        maxLatencyDuringPauseMs: paused ? maxLatencyMs(paused.requests) : 0,
        lostAfterResume: paused?.lost ?? [],
        lostAfterRestart: restarted.lost,
        clientsWithCart,
        toldLostAfterRestart: told,
      };
      const rows = [
        ...(paused ? [pausedRow(r, params, clients.length, paused, facts)] : []),
        restartRow(r, params, clients.length, restarted.check, after(r.history, restart), facts),
      ];
      return { rows, facts };
    } finally {
      closeAll(clients);
    }
  });
}

/** Pause, one read and one write per client against the frozen store, resume; judged on reads after the resume. */
async function pauseAndResume(r: Run, clients: LabClient[]) {
  const pause = await r.nemesis.redisPause();
  await all(clients, async (c) => Promise.all([c.getCart(), c.addItem(r.skus[0], 1)]));
  const resume = await r.nemesis.redisResume();
  const requests = entriesOf(within(r.history, { from: pause.endedAt, to: resume.startedAt }));
  await untilEveryCartServed(clients);
  // The checker's default window: after the last fault (the resume).
  const { check, lost } = cartsCheck(r.history);
  return { requests, check, lost };
}

function pausedRow(r: Run, params: ScenarioParams, clients: number, paused: { check: LostCheck; requests: readonly HistoryEntry[] }, facts: OutageFacts): MatrixRow {
  return matrixRow(ID, params, {
    variant: 'paused',
    clients,
    lost: paused.check,
    moved: 0,
    history: paused.requests,
    replicas: r.replicas,
    note: `slowest request while paused: ${facts.maxLatencyDuringPauseMs} ms`,
  });
}

function restartRow(
  r: Run,
  params: ScenarioParams,
  clients: number,
  lost: LostCheck,
  history: ReturnType<typeof after>,
  facts: OutageFacts,
): MatrixRow {
  const aof = params.redisPersistence === 'aof';
  const vanished = facts.lostAfterRestart;
  const told = vanished.filter((c) => facts.toldLostAfterRestart.includes(c)).length;
  const signal = vanished.length
    ? `${told} of ${vanished.length} clients whose session vanished were told ${SESSION_LOST}`
    : `${facts.toldLostAfterRestart.length} clients told ${SESSION_LOST}`;
  return matrixRow(ID, params, {
    variant: aof ? 'restarted, AOF' : 'restarted',
    clients,
    lost,
    moved: 0,
    history,
    replicas: r.replicas,
    note: `redis-server restarted ${aof ? 'with AOF persistence (appendfsync always)' : 'without persistence'}; ${signal}`,
  });
}

/**
 * Each client's first answer after the restart from a service that could
 * read the store (a 503 while the replicas reconnect tells nothing): did it
 * say the session the client presented no longer exists? Later answers may
 * follow a write that created a fresh session.
 */
export function toldLost(history: History, restart: FaultEntry): string[] {
  const first = new Map<string, HistoryEntry>();
  const answered = (e: HistoryEntry) => e.status !== undefined && e.status < 500;
  for (const e of entriesOf(after(history, restart))) if (answered(e) && !first.has(e.client)) first.set(e.client, e);
  return [...first.values()].filter((e) => e.sessionStatus === SESSION_LOST).map((e) => e.client).sort();
}

function brief(e: HistoryEntry) {
  return { status: e.status, outcome: e.outcome, ms: Math.round(e.endedAt - e.startedAt), error: e.error };
}

/**
 * The replicas reconnect by themselves, each in its own time: poll until a
 * round in which every client's cart read succeeds, so each client has a
 * final read to judge (one client's success says nothing of the replicas
 * that serve the others). Failed reads on the way stay in the history.
 */
async function untilEveryCartServed(clients: LabClient[]): Promise<void> {
  await waitFor('every client\'s cart read to succeed again after the Redis fault', async () => (await all(clients, (c) => c.getCart())).every((x) => x.ok), {
    timeoutMs: 15_000,
    intervalMs: 200,
  });
}
