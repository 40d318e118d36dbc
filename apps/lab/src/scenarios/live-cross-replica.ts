// A cart changed by REST on one replica while its socket lives on another.
// sticky-cookie lets the lab choose: the socket presents route=A, the writer
// (same session cookie) route=B. The emit happens on B: without an adapter it
// reaches only B's sockets; the Redis adapter publishes it to every replica.
import { LabClient } from '../client';
import { waitFor } from '../util/wait';
import { cartsCheck, closeAll, makeClients, Run } from './harness';
import { percentile } from './live-client';
import { closeProbes, LiveAdapterKind, settled, subscribers, withLiveTopology } from './live-harness';
import { matrixRow } from './row';
import type { Evidence, MatrixRow, ScenarioParams, ScenarioResult } from './types';
import type { History } from '../client';

export const ID = 'live-cross-replica';
const CLIENTS = 12;
/** A push later than this counts as not delivered. */
const DELIVERY_BOUND_MS = 2_000;

export interface CrossOutcome {
  /** Writes acknowledged by a replica other than the socket's. */
  writes: number;
  delivered: number;
  latencyMs: { p50: number | null; max: number | null };
}

export type CrossFacts = Record<LiveAdapterKind, CrossOutcome>;

function otherThan(replicas: readonly string[], r: string, i: number): string {
  const others = replicas.filter((x) => x !== r);
  return others[i % others.length];
}

async function measure(run: Run): Promise<CrossOutcome> {
  const { clients, probes } = await subscribers(run, CLIENTS, { transport: 'websocket' }, 'x');
  const writers: LabClient[] = makeClients(run, CLIENTS, undefined, 'y');
  try {
    await settled(probes);
    const latencies: number[] = [];
    let writes = 0;
    await Promise.all(
      writers.map(async (w, i) => {
        const home = probes[i].replica;
        if (!home) return;
        w.setCookie('sid', clients[i].cookies().sid);
        w.setCookie('route', otherThan(run.replicas, home, i));
        const sent = Date.now();
        const reply = await w.addItem(run.skus[4], 1);
        if (!reply.ok || !reply.servedBy || reply.servedBy === home) return;
        writes++;
        const got = await waitFor('the push', () => probes[i].events.find((e) => e.kind === 'cart' && e.at >= sent && e.cart?.item_count === reply.body?.item_count), { timeoutMs: DELIVERY_BOUND_MS, intervalMs: 5 }).catch(() => undefined);
        if (got) latencies.push(got.at - sent);
      }),
    );
    return { writes, delivered: latencies.length, latencyMs: { p50: percentile(latencies, 50), max: percentile(latencies, 100) } };
  } finally {
    closeProbes(clients, probes);
    closeAll(writers);
  }
}

function row(p: ScenarioParams, run: Run, adapter: LiveAdapterKind, o: CrossOutcome): MatrixRow {
  const { check } = cartsCheck(run.history);
  const lat = o.delivered ? `, p50 ${o.latencyMs.p50} ms, max ${o.latencyMs.max} ms after the write was sent` : '';
  return matrixRow(ID, p, {
    variant: `adapter ${adapter}`,
    clients: CLIENTS,
    lost: check,
    moved: 0,
    history: run.history,
    replicas: run.replicas,
    note: `written on another replica than the socket's: ${o.delivered}/${o.writes} pushes delivered${lat}`,
  });
}

export async function run(params: ScenarioParams): Promise<ScenarioResult<CrossFacts>> {
  const rows: MatrixRow[] = [];
  const facts = {} as CrossFacts;
  let last: { evidence: Evidence; history: History } | null = null;
  for (const adapter of ['none', 'redis'] as const) {
    const res = await withLiveTopology(params, adapter, async (r) => {
      const o = await measure(r);
      return { o, row: row(params, r, adapter, o) };
    });
    facts[adapter] = res.out.o;
    rows.push(res.out.row);
    last = res;
  }
  return { rows, facts, history: last!.history, evidence: last!.evidence };
}
