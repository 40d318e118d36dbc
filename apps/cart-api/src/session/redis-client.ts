import { createClient } from 'redis';
import { REDIS_COMMAND_TIMEOUT_MS, withTimeout } from './with-timeout';

export { REDIS_COMMAND_TIMEOUT_MS, RedisTimeoutError, withTimeout } from './with-timeout';

export type Redis = ReturnType<typeof createClient>;

/**
 * A client that fails fast instead of queueing while Redis is away
 * (disableOfflineQueue), gives up a connect attempt after 500 ms and retries
 * at most every 300 ms, so it is back within 2 s of Redis returning.
 */
export function createRedisClient(url: string, onError: (err: Error) => void): Redis {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 500,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 300),
    },
  });
  client.on('error', onError);
  // connect() keeps retrying in the background; boot must not wait for Redis.
  client.connect().catch(onError);
  return client;
}

/** Closes politely when Redis answers, otherwise drops the socket. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (!client.isOpen) return;
  try {
    if (!client.isReady) throw new Error('not ready');
    await withTimeout(client.close(), 1000, 'redis close');
  } catch {
    client.destroy();
  }
}

/** True when Redis answers PING within the timeout. */
export async function redisReady(client: Redis, timeoutMs = 300): Promise<boolean> {
  if (!client.isReady) return false;
  try {
    return (await withTimeout(client.ping(), timeoutMs, 'redis ping')) === 'PONG';
  } catch {
    return false;
  }
}

/**
 * The subset of the client connect-redis uses, each call bounded by
 * withTimeout, so express-session's store errors out instead of hanging.
 */
export function timedClientForConnectRedis(client: Redis, ms = REDIS_COMMAND_TIMEOUT_MS) {
  return {
    get: (key: string) => withTimeout(client.get(key), ms),
    set: (key: string, val: string, opts?: Parameters<Redis['set']>[2]) => withTimeout(client.set(key, val, opts), ms),
    expire: (key: string, seconds: number) => withTimeout(client.expire(key, seconds), ms),
    del: (keys: string[]) => withTimeout(client.del(keys), ms),
    mGet: (keys: string[]) => withTimeout(client.mGet(keys), ms),
    scanIterator: (opts: { MATCH: string; COUNT: number }) => client.scanIterator(opts),
  };
}
