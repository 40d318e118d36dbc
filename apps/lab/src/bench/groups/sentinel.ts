// What replicated Redis costs a request: cart-api on one Redis, on a
// Sentinel group, and on the group with WAIT 1 after every cart write, all
// up at once and measured in turns (interleaved slices), so the ratios share
// their conditions; each row keeps its CPU and p99 per slice, and the report
// states a difference only beyond both rows' spread (sentinel-report.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisServer } from '../../topology/drivers/process/redis-server';
import { RedisSentinelGroup } from '../../topology/drivers/process/redis-sentinel';
import { CaseSpec, GET_CART, measureTogether, postSteps, ratio, startReplica, withCleanup } from '../cases';
import type { BenchUser } from '../generator/protocol';
import type { BenchContext, CaseRow } from '../model';
import { createUsers, productSkus } from '../users';

export type StoreSetup = 'single' | 'sentinel' | 'sentinel-wait1';

export interface StoreServer {
  setup: StoreSetup;
  url: string;
  users: BenchUser[];
  /** cart-api and every Redis process behind it: replication and Sentinel CPU is part of the cost. */
  pids: number[];
}

const LABEL: Record<StoreSetup, string> = { single: 'one Redis', sentinel: 'Sentinel group', 'sentinel-wait1': 'Sentinel group, WAIT 1' };

/**
 * GET /cart then POST /cart/items for each setup; each row's ratio is
 * against one Redis (the first server). Pure: the unit test checks the list.
 */
export function sentinelCases(servers: readonly StoreServer[], sku: string): { gets: CaseSpec[]; posts: CaseSpec[] } {
  const spec = (s: StoreServer, what: 'get' | 'post'): CaseSpec => ({
    row: { id: `sentinel.${s.setup}.${what}`, group: 'sentinel', label: `cart-api ${LABEL[s.setup]} ${what === 'get' ? 'GET /cart' : 'POST /cart/items'}` },
    spec: { url: s.url, steps: what === 'get' ? GET_CART : postSteps(sku), users: s.users, cpuPids: s.pids },
  });
  return { gets: servers.map((s) => spec(s, 'get')), posts: servers.map((s) => spec(s, 'post')) };
}

export async function sentinelGroup(ctx: BenchContext): Promise<CaseRow[]> {
  return withCleanup(async (defer) => {
    const single = await RedisServer.start();
    defer(() => single.stop());
    const dir = mkdtempSync(join(tmpdir(), 'bench-sentinel-'));
    defer(() => rmSync(dir, { recursive: true, force: true }));
    const group = await RedisSentinelGroup.start(dir);
    defer(() => group.stop());
    const start = async (setup: StoreSetup, env: Record<string, string>, redisPids: Array<number | undefined>): Promise<StoreServer> => {
      const replica = await startReplica(ctx, { name: setup, store: 'redis', env });
      defer(() => replica.stop());
      const pids = [replica.pid, ...redisPids.filter((p): p is number => p !== undefined)];
      return { setup, url: replica.url, users: await createUsers(replica.url, ctx.profile.users), pids };
    };
    const onGroup = { REDIS_SENTINELS: group.sentinelList, REDIS_SENTINEL_NAME: group.settings.name };
    const servers = [
      await start('single', { REDIS_URL: single.url }, [single.pid]),
      await start('sentinel', onGroup, group.pids()),
      await start('sentinel-wait1', { ...onGroup, REDIS_WAIT_REPLICAS: '1' }, group.pids()),
    ];
    const [sku] = await productSkus(servers[0].url);
    const { gets, posts } = sentinelCases(servers, sku);
    const rows = [...(await measureTogether(ctx, gets)), ...(await measureTogether(ctx, posts))];
    const base = (what: string) => rows.find((r) => r.id === `sentinel.single.${what}`);
    for (const r of rows) if (!r.id.startsWith('sentinel.single.')) ratio(r, base(r.id.endsWith('.get') ? 'get' : 'post'));
    return rows;
  });
}
