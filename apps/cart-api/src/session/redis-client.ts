import { createClient } from 'redis';
import { REDIS_COMMAND_TIMEOUT_MS, withTimeout } from './with-timeout';

export { REDIS_COMMAND_TIMEOUT_MS, RedisTimeoutError, withTimeout } from './with-timeout';

export type Redis = ReturnType<typeof createClient>;

/**
 * How the service reaches Redis, one Redis or a Sentinel-managed group: every
 * command goes through `run`, which hands `fn` one connection to the current
 * primary, so commands in one `fn` (a write, then its WAIT) share it.
 */
export interface RedisLink {
  run<T>(fn: (client: Redis) => Promise<T>): Promise<T>;
  /** The single client; absent under Sentinel (the live adapter needs it for pub/sub). */
  readonly client?: Redis;
  /** A primary answers PING in time. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/** Reconnect at most every 300 ms, each attempt given up after 500 ms. */
export const SOCKET_OPTIONS = {
  connectTimeout: 500,
  reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 300),
};

/**
 * A client that fails fast instead of queueing while Redis is away
 * (disableOfflineQueue), gives up a connect attempt after 500 ms and retries
 * at most every 300 ms, so it is back within 2 s of Redis returning.
 */
export function createRedisClient(url: string, onError: (err: Error) => void): Redis {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: SOCKET_OPTIONS,
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

/** One Redis: `run` calls fn with its only client. */
export function singleLink(client: Redis): RedisLink {
  return {
    client,
    run: (fn) => fn(client),
    ready: () => redisReady(client),
    close: () => closeRedisClient(client),
  };
}

/**
 * The subset of the client connect-redis uses, each call bounded by
 * withTimeout, so express-session's store errors out instead of hanging.
 */
export function timedClientForConnectRedis(link: RedisLink, ms = REDIS_COMMAND_TIMEOUT_MS) {
  const run = <T>(fn: (c: Redis) => Promise<T>) => withTimeout(link.run(fn), ms);
  return {
    get: (key: string) => run((c) => c.get(key)),
    set: (key: string, val: string, opts?: Parameters<Redis['set']>[2]) => run((c) => c.set(key, val, opts)),
    expire: (key: string, seconds: number) => run((c) => c.expire(key, seconds)),
    del: (keys: string[]) => run((c) => c.del(keys)),
    mGet: (keys: string[]) => run((c) => c.mGet(keys)),
    scanIterator: async function* (opts: { MATCH: string; COUNT: number }) {
      let cursor = '0';
      do {
        const page = await run((c) => c.scan(cursor, opts));
        cursor = page.cursor;
        yield page.keys;
      } while (cursor !== '0');
    },
  };
}
