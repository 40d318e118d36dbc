// SIGKILL the replica holding the most live sockets while every one of its
// clients writes to its cart. Its sockets drop (the kernel closes their TCP
// connections, nginx closes the client side); socket.io-client reconnects
// through the balancer. No connection state recovery: the in-memory state
// died with the replica and the Redis pub/sub adapter does not support it,
// so a push sent while a socket was away is missed (the page re-reads).
import { waitFor } from '../util/wait';
import { cartsCheck, Run } from './harness';
import { LiveProbe, percentile } from './live-client';
import { closeProbes, settled, subscribers, tally, withLiveTopology } from './live-harness';
import { matrixRow } from './row';
import type { ScenarioParams, ScenarioResult } from './types';

export const ID = 'live-replica-killed';
const CLIENTS = 30;
const RECONNECT_BOUND_MS = 15_000;

export interface LiveKilledFacts {
  victim: string;
  /** Sockets the victim held when it was killed, and how many of them saw a disconnect. */
  held: number;
  dropped: number;
  /** Sockets on other replicas that dropped anyway (expected 0). */
  collateral: number;
  reconnected: number;
  /** Reconnects refused (memory store: the session died with the replica). */
  refused: number;
  reconnectMs: { p50: number | null; max: number | null };
  /** Where the reconnected sockets landed. */
  landed: Record<string, number>;
  /** Writes acknowledged during the gap whose push the socket never got. */
  missed: number;
  gapWrites: number;
  /** After reconnecting, a write's push arrived (the socket is live again). */
  deliveredAfter: number;
}

function mostHeld(probes: readonly LiveProbe[]): string {
  const counts = tally(probes.map((p) => p.replica ?? ''));
  delete counts[''];
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

async function body(run: Run): Promise<LiveKilledFacts> {
  const { clients, probes } = await subscribers(run, CLIENTS, { transport: 'websocket', reconnect: true }, 'k');
  try {
    await settled(probes);
    const victim = mostHeld(probes);
    const onVictim = probes.map((p, i) => i).filter((i) => probes[i].replica === victim);
    const t0 = Date.now();
    // Killed mid-emit: these writes race the kill (one in flight on the victim gets a 502, POSTs are not retried).
    await Promise.all([run.nemesis.kill(victim), Promise.all(onVictim.map((i) => clients[i].addItem(run.skus[1], 1)))]);
    // The gap: the victim is gone, its sockets are still waiting to reconnect (≥ 0.5 s).
    const gap = await Promise.all(onVictim.map((i) => clients[i].addItem(run.skus[2], 1)));
    const isBack = (p: LiveProbe) => !!p.first('hello', t0 + 1) || !!p.first('connect_error', t0 + 1);
    await waitFor('every dropped socket to reconnect or be refused', () => onVictim.every((i) => isBack(probes[i])), { timeoutMs: RECONNECT_BOUND_MS });
    const back = onVictim.filter((i) => probes[i].first('hello', t0 + 1));
    const times = back.map((i) => probes[i].first('hello', t0 + 1)!.at - t0);
    // Missed: the acknowledged gap write's cart (its item count) never arrived.
    const missed = onVictim.filter((i, k) => gap[k].ok && !probes[i].events.some((e) => e.kind === 'cart' && e.at >= t0 && e.cart?.item_count === gap[k].body?.item_count)).length;
    const after = Date.now();
    await Promise.all(back.map((i) => clients[i].addItem(run.skus[3], 1)));
    await waitFor('pushes after reconnect', () => back.every((i) => probes[i].first('cart', after)), { timeoutMs: 3_000 }).catch(() => undefined);
    // Every client reads its cart once more: the cart check's evidence after the fault.
    await Promise.all(clients.map((c) => c.getCart()));
    return {
      victim,
      held: onVictim.length,
      dropped: onVictim.filter((i) => probes[i].first('disconnect', t0)).length,
      collateral: probes.filter((p, i) => !onVictim.includes(i) && p.count('disconnect') > 0).length,
      reconnected: back.length,
      refused: onVictim.length - back.length,
      reconnectMs: { p50: percentile(times, 50), max: percentile(times, 100) },
      landed: tally(back.map((i) => probes[i].replica!)),
      missed,
      gapWrites: gap.filter((g) => g.ok).length,
      deliveredAfter: back.filter((i) => probes[i].first('cart', after)).length,
    };
  } finally {
    closeProbes(clients, probes);
  }
}

export async function run(params: ScenarioParams): Promise<ScenarioResult<LiveKilledFacts>> {
  const adapter = params.store === 'redis' ? 'redis' : 'none';
  const { out, evidence, history } = await withLiveTopology(params, adapter, async (r) => {
    const facts = await body(r);
    const { check } = cartsCheck(r.history);
    const ms = `p50 ${facts.reconnectMs.p50 ?? '–'} ms, max ${facts.reconnectMs.max ?? '–'} ms`;
    const row = matrixRow(ID, params, {
      variant: `adapter ${adapter}`,
      clients: CLIENTS,
      lost: check,
      moved: facts.reconnected,
      history: r.history,
      replicas: r.replicas,
      note: `${facts.victim} killed holding ${facts.held} sockets: ${facts.dropped} dropped, ${facts.reconnected} reconnected (${ms}) to ${JSON.stringify(facts.landed)}, ${facts.refused} refused; ${facts.missed}/${facts.gapWrites} pushes during the gap missed (no connection state recovery)`,
    });
    return { rows: [row], facts };
  });
  return { rows: out.rows, facts: out.facts, history, evidence };
}
