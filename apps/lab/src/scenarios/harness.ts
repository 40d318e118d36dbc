// What every scenario runner shares: a started topology that is always torn
// down, a crowd of lab clients recording into one history, and the evidence
// a failed assertion prints.
import { ackedItemsLost, catalogSkus, History, HistoryLike, LabClient, LostCheck, LostOptions, userAddress } from '../client';
import { createTopology } from '../topology';
import type { Topology } from '../topology/topology';
import { collectEvidence } from './evidence';
import { Nemesis } from './nemesis';
import { REPLICAS } from './plan';
import { matrixRow } from './row';
import { timelineOf } from './timeline';
import type { Evidence, MatrixRow, RunOptions, ScenarioParams, ScenarioResult } from './types';

/** Enough clients for percentages to mean something, few requests each. */
export const CLIENTS = 30;
export { REPLICAS };

export interface Run {
  topo: Topology;
  /** Injects every fault, recording it in `history`: scenarios never call `topo.kill` & co directly. */
  nemesis: Nemesis;
  params: ScenarioParams;
  history: History;
  /** Replica names at boot: `app1`…`app3`. */
  replicas: string[];
  skus: string[];
  /** Logs of processes the scenario started itself (a second balancer), added to the evidence by name. */
  extraLogs: Record<string, string>;
}

export type Body<F> = (run: Run) => Promise<{ rows: MatrixRow[]; facts: F }>;

/** Thrown when a runner itself fails (e.g. a bounded wait timed out): carries the evidence. */
export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly evidence: Evidence,
  ) {
    super(message);
  }
}

/** Boots a topology for `params`, runs `body`, collects evidence, always tears down. */
export async function runScenario<F>(params: ScenarioParams, options: RunOptions | undefined, body: Body<F>, env?: Record<string, string>): Promise<ScenarioResult<F>> {
  const started = Date.now();
  const { strategy, store, balancer, redisPersistence, sentinel } = params;
  const ha = sentinel ? { redisHa: 'sentinel' as const, sentinel: { minReplicasToWrite: sentinel.minReplicasToWrite } } : {};
  const topo = await createTopology({ strategy, store, replicas: REPLICAS, ...(balancer ? { balancer } : {}), ...(redisPersistence ? { redisPersistence } : {}), ...ha, ...(env ? { env } : {}) });
  const history = new History();
  try {
    const status = await topo.status();
    const replicas = status.replicas.map((r) => r.name);
    const run: Run = { topo, nemesis: new Nemesis(topo, history), params, history, replicas, skus: await catalogSkus(topo.url), extraLogs: {} };
    const evidence = async () => withLogs(await collectEvidence(topo, history), run.extraLogs);
    let out: { rows: MatrixRow[]; facts: F };
    try {
      out = await body(run);
    } catch (err) {
      throw new ScenarioError((err as Error).message, await evidence());
    }
    const duration_ms = Date.now() - started;
    const timeline = timelineOf(history, { replicas });
    const rows = out.rows.map((r, i) => ({ ...r, driver: topo.driver, balancer: topo.balancer, duration_ms, ...(i === 0 ? { timeline } : {}) }));
    return { rows, facts: out.facts, history, evidence: await evidence() };
  } finally {
    const down = topo.down();
    if (options?.deferTeardown) options.deferTeardown(down);
    else await down;
  }
}

function withLogs(e: Evidence, extra: Record<string, string>): Evidence {
  const tail = (text: string) => text.split('\n').slice(-EXTRA_LOG_LINES).join('\n');
  return { ...e, logs: { ...e.logs, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, tail(v)])) } };
}

const EXTRA_LOG_LINES = 40;

/** `n` clients named c01…, each from its own /24 unless `address` says otherwise. */
export function makeClients(run: Run, n = CLIENTS, address: (i: number) => string = userAddress, prefix = 'c'): LabClient[] {
  return Array.from(
    { length: n },
    (_, i) =>
      new LabClient({
        name: `${prefix}${String(i + 1).padStart(2, '0')}`,
        baseUrl: run.topo.url,
        sourceAddress: address(i),
        history: run.history,
      }),
  );
}

export function closeAll(clients: readonly LabClient[]): void {
  for (const c of clients) c.close();
}

let round = 0;

/**
 * Every client does `fn` concurrently, started in a fresh shuffled order each
 * call (see `shuffled`); results come back in the clients' own order.
 */
export function all<T>(clients: readonly LabClient[], fn: (c: LabClient, i: number) => Promise<T>): Promise<T[]> {
  const order = shuffled(clients.map((_, i) => i), ++round);
  const results = new Array<Promise<T>>(clients.length);
  for (const i of order) results[i] = fn(clients[i], i);
  return Promise.all(results);
}

/**
 * The clients in a reproducible pseudo-random order. A crowd that always
 * sends in the same order meets round robin in lockstep (30 clients, 3
 * replicas: client i always gets slot i mod 3) and hides the flicker a real
 * user sees; shuffling each round breaks the lockstep.
 */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1664525 + 1013904223) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Each client adds the SKU picked by its index: the cart the fault may destroy. */
export function fill(run: Run, clients: readonly LabClient[], offset = 0): Promise<unknown> {
  return all(clients, (c, i) => c.addItem(run.skus[(i + offset) % run.skus.length], 1));
}

/**
 * Every client reads its cart `times` times; returns client → replica of its
 * last answer. A client never answered is absent (the checkers call that unknown).
 */
export async function placement(clients: readonly LabClient[], times = 1): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (let k = 0; k < times; k++) {
    const replies = await all(clients, (c) => c.getCart());
    replies.forEach((r, i) => r.servedBy && (out[clients[i].name] = r.servedBy));
  }
  return out;
}

/** Clients (names) whose replica is `replica` in a placement. */
export function clientsOn(place: Record<string, string>, replica: string): string[] {
  return Object.keys(place)
    .filter((c) => place[c] === replica)
    .sort();
}

/** Names of clients that lost an acknowledged item, judged over `history`. */
export function lostClients(check: LostCheck): string[] {
  return [...new Set(check.lost.map((l) => l.client))].sort();
}

/** The cart check and the names it found lost, in one call. */
export function cartsCheck(history: HistoryLike, opts?: LostOptions): { check: LostCheck; lost: string[] } {
  const check = ackedItemsLost(history, opts);
  return { check, lost: lostClients(check) };
}

/** A row for a scenario that moves no client on purpose: the cart check over `history`, nobody moved. */
export function unmovedRow(id: string, run: Run, f: { clients: number; history: HistoryLike; note: string }): MatrixRow {
  return matrixRow(id, run.params, { ...f, lost: cartsCheck(f.history).check, moved: 0, replicas: run.replicas });
}

/** How many clients landed on each replica, as `app1 ×10, app3 ×5`. */
export function spread(place: Record<string, string>, among?: readonly string[]): string {
  return tally(Object.entries(place).filter(([c]) => !among || among.includes(c)).map(([, r]) => r));
}

/** Occurrences of each value, sorted: `app1 ×10, app3 ×5`. */
export function tally(xs: readonly string[]): string {
  return [...new Set(xs)]
    .sort()
    .map((x) => `${x} ×${xs.filter((y) => y === x).length}`)
    .join(', ');
}
