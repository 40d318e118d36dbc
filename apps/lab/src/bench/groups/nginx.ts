import { BalancerEngine, StoreKind, Strategy, strategiesOf, TopologyOptions } from '../../topology';
import { CaseSpec, GET_CART, measureTogether, ratio, withCleanup } from '../cases';
import { startBenchFront } from '../front';
import { withTopology } from '../lab';
import { LoadSpec, round } from '../load';
import type { BenchContext, CaseRow } from '../model';
import { createUsers } from '../users';
import { partsOf, replicaRequests, warmTopology } from '../warm';

function options(ctx: BenchContext, strategy: Strategy, store: StoreKind, replicas: number, balancer: BalancerEngine = 'nginx'): TopologyOptions {
  return { strategy, store, replicas, balancer, sessionSecret: ctx.secret, env: { LOG_LEVEL: 'silent' } };
}

/**
 * One replica measured on its own address, through the lab's nginx and
 * through an HAProxy in front of the same process: same users, interleaved
 * slices, each row's CPU counted over the replica and its own balancer only.
 */
async function oneReplica(ctx: BenchContext): Promise<CaseRow[]> {
  return withTopology(options(ctx, 'round-robin', 'memory', 1), (t) =>
    withCleanup(async (defer) => {
      const [replica] = (await t.status()).replicas;
      const { balancer } = await t.status();
      const haproxy = await startBenchFront('haproxy', { port: replica.port! });
      defer(() => haproxy.stop());
      const pid = replica.pid!;
      const users = await createUsers(t.url, ctx.profile.users);
      const warmup = await warmTopology(ctx, t, { url: t.url, steps: GET_CART, users });
      const [direct, via, viaHaproxy] = await measureTogether(ctx, [
        { row: { id: 'nginx.one.direct', group: 'nginx', label: 'cart-api 1 replica direct GET /cart' }, spec: { url: replica.url, steps: GET_CART, users, cpuPids: [pid] } },
        { row: { id: 'nginx.one.via-nginx', group: 'nginx', label: 'cart-api 1 replica via nginx GET /cart' }, spec: { url: t.url, steps: GET_CART, users, cpuPids: [pid, balancer.pid!], cpuParts: { app1: [pid], nginx: [balancer.pid!] } } },
        { row: { id: 'nginx.one.via-haproxy', group: 'nginx', label: 'cart-api 1 replica via haproxy GET /cart' }, spec: { url: haproxy.url, steps: GET_CART, users, cpuPids: [pid, haproxy.pid], cpuParts: { app1: [pid], haproxy: [haproxy.pid] } } },
      ]);
      ratio(via, direct);
      ratio(viaHaproxy, direct);
      via.warmup = warmup;
      return [direct, via, viaHaproxy];
    }),
  );
}

/**
 * 3 replicas behind each strategy. Every user has its own source address
 * (spread over many /24s) and its own cart, created through nginx; the row
 * says how evenly the replicas shared the requests (skew, from their own
 * counters) and, per user, the share of reads that found the cart.
 */
async function strategyCase(ctx: BenchContext, balancer: BalancerEngine, strategy: Strategy, store: StoreKind, reference?: LoadSpec): Promise<CaseRow> {
  return withTopology(options(ctx, strategy, store, 3, balancer), async (t) => {
    const users = await createUsers(t.url, ctx.profile.users);
    const via = balancer === 'nginx' ? '' : ` via ${balancer}`;
    const spec: LoadSpec = { url: t.url, steps: GET_CART, users, inspectCart: true, replicaCounts: () => replicaRequests(t), cpuParts: await partsOf(t) };
    const warmup = await warmTopology(ctx, t, spec);
    const id = `${balancer}.${store}.${strategy}`;
    const cases: CaseSpec[] = [{ row: { id, group: balancer, label: `3 replicas ${strategy} ${store}${via} GET /cart` }, spec }];
    if (reference) cases.push({ row: { id: `${id}.one-replica`, group: balancer, label: `  1 replica via ${balancer}, same slices` }, spec: reference });
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
function storesFor(ctx: BenchContext, balancer: BalancerEngine): StoreKind[] {
  return balancer === 'haproxy' && ctx.profile.mode === 'quick' ? ['memory'] : ['memory', 'redis'];
}

/** 3 replicas × every strategy of `balancer` × both stores. */
async function strategyRows(ctx: BenchContext, balancer: BalancerEngine, oneReplicaRow?: CaseRow, measured: readonly CaseRow[] = []): Promise<CaseRow[]> {
  const rows: CaseRow[] = [];
  const byId = new Map<string, CaseRow>(measured.map((r) => [r.id, r]));
  await withReference(ctx, balancer, async (reference) => {
    for (const store of storesFor(ctx, balancer)) {
      for (const strategy of strategiesOf(balancer)) {
        const id = `${balancer}.${store}.${strategy}`;
        // One topology that fails costs its own row, not the others.
        const row = await strategyCase(ctx, balancer, strategy, store, store === 'memory' ? reference : undefined).catch(
          (err: Error) => void ctx.fail(balancer, `${id}: ${err.message}`),
        );
        if (!row) continue;
        byId.set(row.id, row);
        rows.push(row);
        const against = balancer === 'haproxy' ? byId.get(`nginx.${store}.${strategy}`) : store === 'redis' ? byId.get(`nginx.memory.${strategy}`) : oneReplicaRow;
        ratio(row, against);
      }
    }
  });
  return rows;
}
