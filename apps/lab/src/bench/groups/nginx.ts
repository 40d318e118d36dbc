import { STRATEGIES, StoreKind, Strategy, Topology, TopologyOptions } from '../../topology';
import { GET_CART, measure, measureTogether, ratio } from '../cases';
import { withTopology } from '../lab';
import type { BenchContext, CaseRow } from '../model';
import { createUsers } from '../users';

function options(ctx: BenchContext, strategy: Strategy, store: StoreKind, replicas: number): TopologyOptions {
  return { strategy, store, replicas, sessionSecret: ctx.secret, env: { LOG_LEVEL: 'silent' } };
}

/** One replica measured through nginx and on its own address, same process, same users. */
async function oneReplica(ctx: BenchContext): Promise<CaseRow[]> {
  return withTopology(options(ctx, 'round-robin', 'memory', 1), async (t) => {
    const [replica] = (await t.status()).replicas;
    const users = await createUsers(t.url, ctx.profile.users);
    const [direct, via] = await measureTogether(ctx, [
      { row: { id: 'nginx.one.direct', group: 'nginx', label: 'cart-api 1 replica direct GET /cart' }, spec: { url: replica.url, steps: GET_CART, users } },
      { row: { id: 'nginx.one.via-nginx', group: 'nginx', label: 'cart-api 1 replica via nginx GET /cart' }, spec: { url: t.url, steps: GET_CART, users } },
    ]);
    ratio(via, direct);
    return [direct, via];
  });
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
async function strategyCase(ctx: BenchContext, strategy: Strategy, store: StoreKind): Promise<CaseRow> {
  return withTopology(options(ctx, strategy, store, 3), async (t) => {
    const users = await createUsers(t.url, ctx.profile.users);
    return measure(
      ctx,
      { id: `nginx.${store}.${strategy}`, group: 'nginx', label: `3 replicas ${strategy} ${store} GET /cart` },
      { url: t.url, steps: GET_CART, users, inspectCart: true, replicaCounts: () => replicaRequests(t) },
    );
  });
}

export async function nginxGroup(ctx: BenchContext): Promise<CaseRow[]> {
  const rows = await oneReplica(ctx);
  const byId = new Map<string, CaseRow>();
  for (const store of ['memory', 'redis'] as StoreKind[]) {
    for (const strategy of STRATEGIES) {
      // One topology that fails costs its own row, not the other nine.
      const row = await strategyCase(ctx, strategy, store).catch((err: Error) => void ctx.fail('nginx', `nginx.${store}.${strategy}: ${err.message}`));
      if (!row) continue;
      byId.set(row.id, row);
      rows.push(row);
      ratio(row, store === 'redis' ? byId.get(`nginx.memory.${strategy}`) : rows[1]);
    }
  }
  return rows;
}
