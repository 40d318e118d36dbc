import { BalancerEngine, StoreKind, Strategy, strategiesOf, Topology, TopologyOptions } from '../../topology';
import { CaseSpec, GET_CART, measure, measureTogether, ratio, withCleanup } from '../cases';
import { NotMeasured, selectCases } from '../engines';
import { startBenchFront } from '../front';
import { withTopology } from '../lab';
import type { BenchContext, CaseRow } from '../model';
import { createUsers } from '../users';

function options(ctx: BenchContext, strategy: Strategy, store: StoreKind, replicas: number, balancer: BalancerEngine = 'nginx'): TopologyOptions {
  return { strategy, store, replicas, balancer, sessionSecret: ctx.secret, env: { LOG_LEVEL: 'silent' } };
}

/** The one-replica cases: direct, through the lab's nginx, through an HAProxy front. */
export function oneReplicaCases(): { engine?: BalancerEngine; row: CaseSpec['row'] }[] {
  return [
    { row: { id: 'nginx.one.direct', group: 'nginx', label: 'cart-api 1 replica direct GET /cart' } },
    { row: { id: 'nginx.one.via-nginx', group: 'nginx', label: 'cart-api 1 replica via nginx GET /cart' } },
    { engine: 'haproxy', row: { id: 'nginx.one.via-haproxy', group: 'nginx', label: 'cart-api 1 replica via haproxy GET /cart' } },
  ];
}

/**
 * One replica measured on its own address, through the lab's nginx and
 * through an HAProxy in front of the same process (when installed): same
 * users, interleaved slices, each row's CPU counted over the replica and its own balancer only.
 */
async function oneReplica(ctx: BenchContext): Promise<CaseRow[]> {
  const { run, skipped } = selectCases(oneReplicaCases(), ctx.unavailable);
  ctx.notMeasured(skipped);
  return withTopology(options(ctx, 'round-robin', 'memory', 1), (t) =>
    withCleanup(async (defer) => {
      const { replicas, balancer } = await t.status();
      const [replica] = replicas;
      const pid = replica.pid!;
      const users = await createUsers(t.url, ctx.profile.users);
      const specs: CaseSpec[] = [];
      for (const c of run) {
        const front = c.engine === 'haproxy' ? await startBenchFront('haproxy', { port: replica.port! }) : undefined;
        if (front) defer(() => front.stop());
        const [url, cpuPids] = front ? [front.url, [pid, front.pid]] : c.row.id === 'nginx.one.direct' ? [replica.url, [pid]] : [t.url, [pid, balancer.pid!]];
        specs.push({ row: c.row, spec: { url, steps: GET_CART, users, cpuPids } });
      }
      const [direct, ...via] = await measureTogether(ctx, specs);
      for (const row of via) ratio(row, direct);
      return [direct, ...via];
    }),
  );
}

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

/**
 * 3 replicas behind each strategy. Every user has its own source address
 * (spread over many /24s) and its own cart, created through nginx; the row
 * says how evenly the replicas shared the requests (skew, from their own
 * counters) and, per user, the share of reads that found the cart.
 */
async function strategyCase(ctx: BenchContext, c: StrategyCase): Promise<CaseRow> {
  return withTopology(options(ctx, c.strategy, c.store, 3, c.engine), async (t) => {
    const users = await createUsers(t.url, ctx.profile.users);
    return measure(ctx, c.row, { url: t.url, steps: GET_CART, users, inspectCart: true, replicaCounts: () => replicaRequests(t) });
  });
}

export async function nginxGroup(ctx: BenchContext): Promise<CaseRow[]> {
  const rows = await oneReplica(ctx);
  return [...rows, ...(await strategyRows(ctx, 'nginx', rows[1]))];
}

/** Every HAProxy strategy with each store; each row's ratio is against nginx's row of the same strategy and store. */
export async function haproxyGroup(ctx: BenchContext, measured: readonly CaseRow[]): Promise<CaseRow[]> {
  return strategyRows(ctx, 'haproxy', undefined, measured);
}

/** `--quick` proves every case runs: HAProxy's strategies with the memory store only (the redis rows differ from nginx's by the store alone). */
function storesFor(ctx: Pick<BenchContext, 'profile'>, balancer: BalancerEngine): StoreKind[] {
  return balancer === 'haproxy' && ctx.profile.mode === 'quick' ? ['memory'] : ['memory', 'redis'];
}

/** The ids and labels of 3 replicas × every strategy of `balancer` × the stores measured. */
export function strategyCases(ctx: Pick<BenchContext, 'profile'>, balancer: BalancerEngine): StrategyCase[] {
  const via = balancer === 'nginx' ? '' : ` via ${balancer}`;
  return storesFor(ctx, balancer).flatMap((store) =>
    strategiesOf(balancer).map((strategy) => ({ engine: balancer, strategy, store, row: { id: `${balancer}.${store}.${strategy}`, group: balancer, label: `3 replicas ${strategy} ${store}${via} GET /cart` } })),
  );
}

interface StrategyCase {
  engine: BalancerEngine;
  strategy: Strategy;
  store: StoreKind;
  row: Omit<NotMeasured, 'reason'>;
}

/** 3 replicas × every strategy of `balancer` × both stores; none when `balancer` is not installed. */
async function strategyRows(ctx: BenchContext, balancer: BalancerEngine, oneReplicaRow?: CaseRow, measured: readonly CaseRow[] = []): Promise<CaseRow[]> {
  const { run, skipped } = selectCases(strategyCases(ctx, balancer), ctx.unavailable);
  ctx.notMeasured(skipped);
  if (run.length === 0) return [];
  const rows: CaseRow[] = [];
  const byId = new Map<string, CaseRow>(measured.map((r) => [r.id, r]));
  for (const c of run) {
    const { strategy, store } = c;
    // One topology that fails costs its own row, not the others.
    const row = await strategyCase(ctx, c).catch((err: Error) => void ctx.fail(balancer, `${c.row.id}: ${err.message}`));
    if (!row) continue;
    byId.set(row.id, row);
    rows.push(row);
    const against = balancer === 'haproxy' ? byId.get(`nginx.${store}.${strategy}`) : store === 'redis' ? byId.get(`nginx.memory.${strategy}`) : oneReplicaRow;
    ratio(row, against);
  }
  return rows;
}
