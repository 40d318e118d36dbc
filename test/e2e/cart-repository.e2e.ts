// Both cart repositories honour one contract: same limits, same errors,
// same order. The redis one runs against a real redis-server.
import { createClient } from 'redis';
import { RedisServer } from '../../apps/lab/src/topology/drivers/process/redis-server';
import { CartLimitError, CartRepository, LineNotFoundError, SessionGoneError } from '../../apps/cart-api/src/cart/cart.repository';
import { MemoryCartRepository } from '../../apps/cart-api/src/cart/memory-cart.repository';
import { RedisCartRepository } from '../../apps/cart-api/src/cart/redis-cart.repository';
import { singleLink } from '../../apps/cart-api/src/session/redis-client';
import { RedisTimeoutError } from '../../apps/cart-api/src/session/with-timeout';
import { describeWithRedis } from '../support/cart-api';

const LIMITS = { maxQty: 99, maxLines: 50 };
const TTL = 120;

type Redis = ReturnType<typeof createClient>;
let n = 0;

/** The behaviour both repositories share, for a sid whose session `store` has stored. */
function contract(make: () => CartRepository, store: (sid: string) => Promise<unknown> = async () => undefined): void {
  let repo: CartRepository;
  let sid: string;
  beforeEach(async () => {
    repo = make();
    sid = `repo-test-${process.pid}-${++n}`; // each test owns its cart
    await store(sid);
  });

  it('an absent cart is empty', async () => {
    expect(await repo.get(sid)).toEqual([]);
  });

  it('adds, sets and removes lines in insertion order', async () => {
    await repo.add(sid, 'b', 2);
    await repo.add(sid, 'a', 1);
    expect(await repo.add(sid, 'b', 3)).toEqual([
      { sku: 'b', qty: 5 },
      { sku: 'a', qty: 1 },
    ]);
    expect(await repo.set(sid, 'a', 9)).toEqual([
      { sku: 'b', qty: 5 },
      { sku: 'a', qty: 9 },
    ]);
    expect(await repo.remove(sid, 'b')).toEqual([{ sku: 'a', qty: 9 }]);
    await repo.clear(sid);
    expect(await repo.get(sid)).toEqual([]);
  });

  it('enforces qty ≤ 99 per line', async () => {
    await repo.add(sid, 'a', 99);
    await expect(repo.add(sid, 'a', 1)).rejects.toBeInstanceOf(CartLimitError);
    await expect(repo.set(sid, 'a', 100)).rejects.toThrow('exceed 99');
    expect(await repo.get(sid)).toEqual([{ sku: 'a', qty: 99 }]);
  });

  it('enforces ≤ 50 lines', async () => {
    for (let i = 0; i < 50; i++) await repo.add(sid, `sku-${i}`, 1);
    await expect(repo.add(sid, 'one-too-many', 1)).rejects.toThrow('at most 50 lines');
    expect(await repo.add(sid, 'sku-0', 1)).toHaveLength(50);
  });

  it('refuses to set or remove a line that is not there', async () => {
    await expect(repo.set(sid, 'x', 1)).rejects.toBeInstanceOf(LineNotFoundError);
    await expect(repo.remove(sid, 'x')).rejects.toThrow('x is not in the cart');
  });

  it('99 concurrent adds all count', async () => {
    await Promise.all(Array.from({ length: 99 }, () => repo.add(sid, 'a', 1)));
    expect(await repo.get(sid)).toEqual([{ sku: 'a', qty: 99 }]);
  });
}

describe('memory cart repository', () => contract(() => new MemoryCartRepository(LIMITS)));

describeWithRedis()('redis cart repository', () => {
  let server: RedisServer;
  let redis: Redis;
  beforeAll(async () => {
    server = await RedisServer.start();
    redis = createClient({ url: server.url });
    await redis.connect();
  }, 20_000);
  afterAll(async () => {
    await redis?.close();
    await server?.stop();
  });

  const storeSession = (sid: string) => redis.set(`sess:${sid}`, '{}', { expiration: { type: 'EX', value: TTL } });
  contract(() => new RedisCartRepository(singleLink(redis), TTL, LIMITS), storeSession);

  it('a sid with no stored session gets SessionGoneError for every operation and never its cart', async () => {
    const repo = new RedisCartRepository(singleLink(redis), TTL, LIMITS);
    const sid = `gone-${process.pid}`;
    await redis.hSet(`cart:${sid}`, 'a', '3'); // a cart outliving its session
    for (const op of [() => repo.get(sid), () => repo.add(sid, 'a', 1), () => repo.set(sid, 'a', 1), () => repo.remove(sid, 'a'), () => repo.clear(sid)]) {
      await expect(op()).rejects.toBeInstanceOf(SessionGoneError);
    }
    expect(await redis.hGetAll(`cart:${sid}`)).toEqual({ a: '3' });
    await storeSession(sid);
    expect(await repo.get(sid)).toEqual([{ sku: 'a', qty: 3 }]);
  });

  it('keeps the cart in hash cart:<sid> and slides its TTL and the session TTL on access', async () => {
    const repo = new RedisCartRepository(singleLink(redis), TTL, LIMITS);
    const sid = `ttl-${process.pid}`;
    await redis.set(`sess:${sid}`, '{}', { expiration: { type: 'EX', value: 5 } });
    await repo.add(sid, 'a', 2);
    expect(await redis.hGetAll(`cart:${sid}`)).toEqual({ a: '2' });
    await redis.expire(`cart:${sid}`, 5);
    await repo.get(sid);
    expect(await redis.ttl(`cart:${sid}`)).toBeGreaterThan(TTL - 5);
    expect(await redis.ttl(`sess:${sid}`)).toBeGreaterThan(TTL - 5);
  });

  it('a write that timed out while Redis was frozen does not land when Redis wakes up', async () => {
    const repo = new RedisCartRepository(singleLink(redis), TTL, LIMITS);
    const sid = `frozen-${process.pid}`;
    await storeSession(sid);
    await repo.add(sid, 'a', 1);
    process.kill(server.pid!, 'SIGSTOP');
    try {
      // Written to the socket, then no answer: the caller gets a timeout (a 503 to the client).
      await expect(repo.add(sid, 'a', 1)).rejects.toBeInstanceOf(RedisTimeoutError);
    } finally {
      process.kill(server.pid!, 'SIGCONT');
    }
    // Redis now runs the queued script, past its deadline: it must change nothing.
    expect(await repo.get(sid)).toEqual([{ sku: 'a', qty: 1 }]);
    expect(await redis.hGetAll(`cart:${sid}`)).toEqual({ a: '1' });
  });

  it('reloads its script after Redis lost it (SCRIPT FLUSH, restart)', async () => {
    const repo = new RedisCartRepository(singleLink(redis), TTL, LIMITS);
    await storeSession(`flush-${process.pid}`);
    await repo.add(`flush-${process.pid}`, 'a', 1);
    await redis.scriptFlush();
    expect(await repo.add(`flush-${process.pid}`, 'a', 1)).toEqual([{ sku: 'a', qty: 2 }]);
  });
});
