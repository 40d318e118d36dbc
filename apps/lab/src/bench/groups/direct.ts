import { RedisServer } from '../../process/redis-server';
import { GET_CART, measure, postSteps, ratio, startReplica, withCleanup } from '../cases';
import type { BenchContext, CaseRow } from '../model';
import type { StoreKind } from '../../topology/topology';
import { createUsers, productSkus } from '../users';

/** cart-api, one replica, no balancer: GET /cart and POST /cart/items with each store. */
export async function directGroup(ctx: BenchContext, peer?: CaseRow): Promise<CaseRow[]> {
  const memory = await storeCases(ctx, 'memory');
  const redis = await storeCases(ctx, 'redis');
  ratio(memory[0], peer);
  ratio(redis[0], memory[0]);
  ratio(redis[1], memory[1]);
  return [...memory, ...redis];
}

async function storeCases(ctx: BenchContext, store: StoreKind): Promise<CaseRow[]> {
  return withCleanup(async (defer) => {
    let redisUrl: string | undefined;
    if (store === 'redis') {
      const redis = await RedisServer.start();
      defer(() => redis.stop());
      redisUrl = redis.url;
    }
    const replica = await startReplica(ctx, { store, redisUrl });
    defer(() => replica.stop());
    const cookies = await createUsers(replica.url, ctx.profile.connections);
    const [sku] = await productSkus(replica.url);
    const get = await measure(
      ctx,
      { id: `direct.${store}.get`, group: 'direct', label: `cart-api direct ${store} GET /cart` },
      { url: replica.url, steps: GET_CART, cookies },
    );
    const post = await measure(
      ctx,
      { id: `direct.${store}.post`, group: 'direct', label: `cart-api direct ${store} POST /cart/items` },
      { url: replica.url, steps: postSteps(sku), cookies },
    );
    return [get, post];
  });
}
