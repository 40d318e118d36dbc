import { RedisServer } from '../../topology/drivers/process/redis-server';
import type { StoreKind } from '../../topology/topology';
import { ChildServer } from '../child';
import { CaseSpec, GET_CART, measureTogether, postSteps, ratio, startReplica, withCleanup } from '../cases';
import type { BenchUser } from '../generator/protocol';
import type { BenchContext, CaseRow } from '../model';
import { createUsers, productSkus } from '../users';

type Defer = (f: () => Promise<unknown> | unknown) => void;

interface Server {
  url: string;
  users: BenchUser[];
  /** The processes that serve it: their CPU is this server's cost. */
  pids: number[];
}

/** What a user would write instead: Express 5 + express-session, memory store. */
async function startPeer(ctx: BenchContext, defer: Defer): Promise<Server> {
  const peer = await ChildServer.start({
    script: ctx.paths.peer,
    env: { APP_NAME: 'peer', SESSION_SECRET: ctx.secret },
    readyPath: '/health/live',
  });
  defer(() => peer.stop());
  return { url: peer.url, users: await createUsers(peer.url, ctx.profile.users), pids: [peer.pid] };
}

async function startCartApi(ctx: BenchContext, store: StoreKind, defer: Defer, env?: Record<string, string>): Promise<Server> {
  const redis = store === 'redis' ? await RedisServer.start() : undefined;
  if (redis) defer(() => redis.stop());
  const replica = await startReplica(ctx, { store, redisUrl: redis?.url, env });
  defer(() => replica.stop());
  const pids = [replica.pid, ...(redis?.pid ? [redis.pid] : [])];
  return { url: replica.url, users: await createUsers(replica.url, ctx.profile.users), pids };
}

function getCase(id: string, label: string, s: Server, group: 'peer' | 'direct'): CaseSpec {
  return { row: { id, group, label }, spec: { url: s.url, steps: GET_CART, users: s.users, cpuPids: s.pids } };
}

function postCase(id: string, label: string, s: Server, sku: string, group: 'peer' | 'direct'): CaseSpec {
  return { row: { id, group, label }, spec: { url: s.url, steps: postSteps(sku), users: s.users, cpuPids: s.pids } };
}

/** The same write on each server, in turns: the peer's route adds a line to its session as cart-api adds one to its cart. */
async function postCases(ctx: BenchContext, peer: Server | undefined, memory: Server, redis: Server): Promise<CaseRow[]> {
  const [sku] = await productSkus(memory.url);
  const cases = [
    postCase('direct.memory.post', 'cart-api direct memory POST /cart/items', memory, sku, 'direct'),
    postCase('direct.redis.post', 'cart-api direct redis POST /cart/items', redis, sku, 'direct'),
  ];
  if (peer) cases.push(postCase('peer.post', 'peer Express+express-session POST /cart/items', peer, (await productSkus(peer.url))[0], 'peer'));
  const [memoryPost, redisPost, peerPost] = await measureTogether(ctx, cases);
  ratio(redisPost, memoryPost);
  ratio(memoryPost, peerPost);
  return peerPost ? [memoryPost, redisPost, peerPost] : [memoryPost, redisPost];
}

/**
 * The peer baseline and cart-api alone (one replica, no balancer), memory
 * and redis store. Every server is up at once and the compared cases take
 * turns, so the ratios come from the same conditions.
 */
export async function directGroup(ctx: BenchContext, which: { peer: boolean; direct: boolean }): Promise<CaseRow[]> {
  return withCleanup(async (defer) => {
    const peer = which.peer ? await startPeer(ctx, defer) : undefined;
    // What the Prometheus metrics cost: the same replica without them, measured in the same turns.
    // Started first: in three runs the first replica started cost 15-35 % more per request than its
    // twin (metrics on 1.20-1.37x off when `memory` came first, 1.025x when this one did).
    const noMetrics = which.direct ? await startCartApi(ctx, 'memory', defer, { METRICS: 'off' }) : undefined;
    const memory = which.direct ? await startCartApi(ctx, 'memory', defer) : undefined;
    const redis = which.direct ? await startCartApi(ctx, 'redis', defer) : undefined;
    const gets: CaseSpec[] = [];
    if (peer) gets.push(getCase('peer.get', 'peer Express+express-session GET /cart', peer, 'peer'));
    if (memory) gets.push(getCase('direct.memory.get', 'cart-api direct memory GET /cart', memory, 'direct'));
    if (redis) gets.push(getCase('direct.redis.get', 'cart-api direct redis GET /cart', redis, 'direct'));
    if (noMetrics) gets.push(getCase('direct.memory.get.metrics-off', 'cart-api direct memory GET /cart, METRICS=off', noMetrics, 'direct'));
    const rows = await measureTogether(ctx, gets);
    if (memory && redis) rows.push(...(await postCases(ctx, peer, memory, redis)));
    const byId = (id: string) => rows.find((r) => r.id === id);
    const memoryGet = byId('direct.memory.get');
    if (memoryGet) ratio(memoryGet, byId('peer.get'));
    const redisGet = byId('direct.redis.get');
    if (redisGet) ratio(redisGet, memoryGet);
    const offGet = byId('direct.memory.get.metrics-off');
    if (offGet) ratio(offGet, memoryGet);
    return rows;
  });
}
