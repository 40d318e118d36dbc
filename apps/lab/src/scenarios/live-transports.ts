// Socket.IO through the balancer, each transport alone. The long-polling
// transport is a series of HTTP requests that must all reach the replica
// holding the engine session: without affinity the next request lands
// elsewhere and gets 400 "Session ID unknown". A WebSocket is one TCP
// connection, so it needs no affinity once its upgrade request is routed.
import { waitFor } from '../util/wait';
import { cartsCheck, Run } from './harness';
import { LiveTransport } from './live-client';
import { closeProbes, settled, subscribers, tally, withLiveTopology } from './live-harness';
import { matrixRow } from './row';
import type { MatrixRow, ScenarioParams, ScenarioResult } from './types';

export const ID = 'live-transports';
const CLIENTS = 30;
/** Two ping cycles and more (2 s each): a poll that breaks late is seen. */
const OBSERVE_MS = 5_000;

export interface TransportOutcome {
  clients: number;
  /** Sockets that never joined, dropped during the window, or missed their own push. */
  broken: number;
  /** Why, counted: the first connect_error / disconnect reason, or `no push`. */
  reasons: Record<string, number>;
  /** Sockets held by a replica other than the one that answered the client's REST write. */
  elsewhere: number;
}

export interface TransportFacts {
  polling: TransportOutcome;
  websocket: TransportOutcome;
}

async function measure(run: Run, transport: LiveTransport): Promise<TransportOutcome> {
  const { clients, probes } = await subscribers(run, CLIENTS, { transport }, transport === 'polling' ? 'p' : 'w');
  try {
    await settled(probes);
    const start = Date.now();
    const writes = await Promise.all(clients.map((c, i) => c.addItem(run.skus[(i + 1) % run.skus.length], 1)));
    // A push is asserted only for a write that was acknowledged.
    await waitFor('the observation window', () => Date.now() - start >= OBSERVE_MS, { timeoutMs: OBSERVE_MS + 1_000, intervalMs: 100 });
    const reasons: string[] = [];
    let elsewhere = 0;
    probes.forEach((p, i) => {
      const failure = p.events.find((e) => e.kind === 'connect_error' || e.kind === 'disconnect');
      const pushed = writes[i].ok && p.count('cart', start) > 0;
      if (failure) reasons.push(failure.detail);
      else if (!pushed) reasons.push('no push');
      if (p.replica && writes[i].servedBy && p.replica !== writes[i].servedBy) elsewhere++;
    });
    return { clients: CLIENTS, broken: reasons.length, reasons: tally(reasons), elsewhere };
  } finally {
    closeProbes(clients, probes);
  }
}

function row(p: ScenarioParams, run: Run, transport: LiveTransport, o: TransportOutcome): MatrixRow {
  const { check } = cartsCheck(run.history);
  const why = Object.entries(o.reasons).map(([r, n]) => `${n}× ${r}`).join(', ') || 'none';
  const measured = matrixRow(ID, p, {
    variant: transport,
    clients: o.clients,
    lost: check,
    moved: o.elsewhere,
    history: run.history,
    replicas: run.replicas,
    note: `${transport} only: ${o.broken}/${o.clients} sockets broken (${why}); ${o.elsewhere} held by another replica than the client's REST answers`,
  });
  // A broken socket is a transport request that got no 2xx (e.g. a poll
  // answered 400 "Session ID unknown"): Socket.IO's own requests are not in
  // the lab clients' history, so they are added here, where the report and
  // the claims table read failed requests.
  return { ...measured, failed_requests: measured.failed_requests + o.broken };
}

export async function run(params: ScenarioParams): Promise<ScenarioResult<TransportFacts>> {
  const { out, evidence, history } = await withLiveTopology(params, 'none', async (r) => {
    const polling = await measure(r, 'polling');
    const websocket = await measure(r, 'websocket');
    return { rows: [row(params, r, 'polling', polling), row(params, r, 'websocket', websocket)], facts: { polling, websocket } };
  });
  return { rows: out.rows, facts: out.facts, history, evidence };
}
