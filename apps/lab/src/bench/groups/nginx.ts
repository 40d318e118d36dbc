import { STRATEGIES, StoreKind, Strategy, TopologyOptions } from '../../topology/topology';
import { cartKeeper, GET_CART, measure, measureTogether, ratio } from '../cases';
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
    const cookies = await createUsers(t.url, ctx.profile.connections);
    const [direct, via] = await measureTogether(ctx, [
      { row: { id: 'nginx.one.direct', group: 'nginx', label: 'cart-api 1 replica direct GET /cart' }, spec: { url: replica.url, steps: GET_CART, cookies } },
      { row: { id: 'nginx.one.via-nginx', group: 'nginx', label: 'cart-api 1 replica via nginx GET /cart' }, spec: { url: t.url, steps: GET_CART, cookies } },
    ]);
    ratio(via, direct);
    return [direct, via];
  });
}

/**
 * 3 replicas behind each strategy. Every connection is one user whose cart
 * was created through nginx; `cart_kept` is the share of reads that found it.
 * All connections come from 127.0.0.1, so the address-hash strategies send
 * every user to one replica: the single-NAT case.
 */
async function strategyCase(ctx: BenchContext, strategy: Strategy, store: StoreKind): Promise<CaseRow> {
  return withTopology(options(ctx, strategy, store, 3), async (t) => {
    const cookies = await createUsers(t.url, ctx.profile.connections);
    const keeper = cartKeeper();
    const row = await measure(
      ctx,
      { id: `nginx.${store}.${strategy}`, group: 'nginx', label: `3 replicas ${strategy} ${store} GET /cart` },
      { url: t.url, steps: GET_CART, cookies, inspect: keeper.inspect },
    );
    row.cart_kept = keeper.share();
    return row;
  });
}

export async function nginxGroup(ctx: BenchContext): Promise<CaseRow[]> {
  const rows = await oneReplica(ctx);
  const byId = new Map<string, CaseRow>();
  for (const store of ['memory', 'redis'] as StoreKind[]) {
    for (const strategy of STRATEGIES) {
      const row = await strategyCase(ctx, strategy, store);
      byId.set(row.id, row);
      rows.push(row);
      ratio(row, store === 'redis' ? byId.get(`nginx.memory.${strategy}`) : rows[1]);
    }
  }
  return rows;
}
