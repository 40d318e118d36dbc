import { BalancerEngine, StoreKind, Strategy, strategiesOf, TopologyOptions } from '../../topology';
import { CaseSpec, GET_CART, measureTogether, ratio, withCleanup } from '../cases';
import { NotMeasured, selectCases } from '../engines';
import { startBenchFront } from '../front';
import { withTopology } from '../lab';
import { LoadSpec, round } from '../load';
import type { BenchContext, CaseRow } from '../model';
import { createUsers } from '../users';
import { partsOf, replicaRequests, warmTopology } from '../warm';

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
      const warmup = await warmTopology(ctx, t, { url: t.url, steps: GET_CART, users });
      const specs: CaseSpec[] = [];
      for (const c of run) {
        const front = c.engine === 'haproxy' ? await startBenchFront('haproxy', { host: new URL(replica.url).hostname, port: replica.port! }) : undefined;
        if (front) defer(() => front.stop());
        const spec: LoadSpec = front
          ? { url: front.url, steps: GET_CART, users, cpuPids: [pid, front.pid], cpuParts: { app1: [pid], haproxy: [front.pid] } }
          : c.row.id === 'nginx.one.direct'
            ? { url: replica.url, steps: GET_CART, users, cpuPids: [pid] }
            : { url: t.url, steps: GET_CART, users, cpuPids: [pid, balancer.pid!], cpuParts: { app1: [pid], nginx: [balancer.pid!] } };
        specs.push({ row: c.row, spec });
      }
      const [direct, ...via] = await measureTogether(ctx, specs);
      for (const row of via) ratio(row, direct);
      const viaNginx = via.find((r) => r.id === 'nginx.one.via-nginx');
      if (viaNginx) viaNginx.warmup = warmup;
      return [direct, ...via];
    }),
  );
}

/**
 * 3 replicas behind each strategy. Every user has its own source address
 * (spread over many /24s) and its own cart, created through nginx; the row
 * says how evenly the replicas shared the requests (skew, from their own
 * counters) and, per user, the share of reads that found the cart.
 */
async function strategyCase(ctx: BenchContext, c: StrategyCase, reference?: LoadSpec): Promise<CaseRow> {
  return withTopology(options(ctx, c.strategy, c.store, 3, c.engine), async (t) => {
    const users = await createUsers(t.url, ctx.profile.users);
    const spec: LoadSpec = { url: t.url, steps: GET_CART, users, inspectCart: true, replicaCounts: () => replicaRequests(t), cpuParts: await partsOf(t) };
    const warmup = await warmTopology(ctx, t, spec);
    const cases: CaseSpec[] = [{ row: c.row, spec }];
    if (reference) cases.push({ row: { id: `${c.row.id}.one-replica`, group: c.engine, label: `  1 replica via ${c.engine}, same slices` }, spec: reference });
    const [row, one] = await measureTogether(ctx, cases, 0);
    if (one && one.load.server_cpu_us_per_req > 0 && one.load.errors === 0) {
      row.vs_one_replica = { one_replica_cpu_us: one.load.server_cpu_us_per_req, cpu_ratio: round(row.load.server_cpu_us_per_req / one.load.server_cpu_us_per_req, 2) };
    }
    return { ...row, warmup };
  });
}

/**
 * A warm one-replica topology behind the same balancer, measured in turns
 * with every memory strategy row: "3 replicas cost N× one" then comes from
 * the same slices, whatever else the machine does meanwhile. A reference
 * that fails to boot costs the comparison, not the rows.
 */
async function withReference<T>(ctx: BenchContext, balancer: BalancerEngine, fn: (reference?: LoadSpec) => Promise<T>): Promise<T> {
  let booted = false;
  try {
    return await withTopology(options(ctx, 'round-robin', 'memory', 1, balancer), async (t) => {
      booted = true;
      const spec: LoadSpec = { url: t.url, steps: GET_CART, users: await createUsers(t.url, ctx.profile.users) };
      await warmTopology(ctx, t, spec);
      return fn(spec);
    });
  } catch (err) {
    if (booted) throw err;
    ctx.fail(balancer, `one-replica reference for the strategy rows: ${(err as Error).message}`);
    return fn(undefined);
  }
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

/** The ids and labels of 3 replicas × every strategy of `balancer` (or those `--strategies` names) × the stores measured. */
export function strategyCases(ctx: Pick<BenchContext, 'profile'>, balancer: BalancerEngine): StrategyCase[] {
  const via = balancer === 'nginx' ? '' : ` via ${balancer}`;
  const chosen = ctx.profile.strategies;
  const strategies = strategiesOf(balancer).filter((s) => !chosen || chosen.includes(s));
  return storesFor(ctx, balancer).flatMap((store) =>
    strategies.map((strategy) => ({ engine: balancer, strategy, store, row: { id: `${balancer}.${store}.${strategy}`, group: balancer, label: `3 replicas ${strategy} ${store}${via} GET /cart` } })),
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
  await withReference(ctx, balancer, async (reference) => {
    for (const c of run) {
      const { strategy, store } = c;
      // One topology that fails costs its own row, not the others.
      const row = await strategyCase(ctx, c, store === 'memory' ? reference : undefined).catch((err: Error) => void ctx.fail(balancer, `${c.row.id}: ${err.message}`));
      if (!row) continue;
      byId.set(row.id, row);
      rows.push(row);
      const against = balancer === 'haproxy' ? byId.get(`nginx.${store}.${strategy}`) : store === 'redis' ? byId.get(`nginx.memory.${strategy}`) : oneReplicaRow;
      ratio(row, against);
    }
  });
  return rows;
}
