import { Store } from 'express-session';
import { RedisStore } from 'connect-redis';
import type { AppConfig } from '../config/config';
import { MemorySessionStore } from './memory-session.store';
import { closeRedisClient, createRedisClient, Redis, redisReady, timedClientForConnectRedis } from './redis-client';

export const SESSION_BACKEND = Symbol('SESSION_BACKEND');

/** Where sessions live, and what health, stats and the cart need to know about it. */
export interface SessionBackend {
  readonly kind: 'memory' | 'redis';
  readonly store: Store;
  /** Present with the redis store; the cart repository shares it. */
  readonly redis?: Redis;
  /** Sessions held in this process' memory; null when they live in Redis. */
  sessionsInMemory(): number | null;
  ready(): Promise<boolean>;
  /** Registers a callback for sessions that expire or are destroyed. */
  onSessionGone(cb: (sid: string) => void): void;
  close(): Promise<void>;
}

export function memoryBackend(config: AppConfig): SessionBackend {
  const listeners: Array<(sid: string) => void> = [];
  const store = new MemorySessionStore({
    ttlSeconds: config.sessionTtlSeconds,
    onGone: (sid) => listeners.forEach((cb) => cb(sid)),
  });
  return {
    kind: 'memory',
    store,
    // Sweep first so the count (the dashboard and bench watch it fall) excludes expired sessions.
    sessionsInMemory: () => {
      store.prune();
      return store.size;
    },
    ready: async () => true,
    onSessionGone: (cb) => listeners.push(cb),
    close: async () => store.close(),
  };
}

function redisErrorLogger(config: AppConfig): (err: Error) => void {
  let last = '';
  // node-redis emits an error on every failed reconnect; log each distinct one once.
  return (err) => {
    const line = `${err?.message ?? err}`;
    if (line === last || config.logLevel === 'silent') return;
    last = line;
    process.stderr.write(JSON.stringify({ replica: config.appName, redis_error: line }) + '\n');
  };
}

export function redisBackend(config: AppConfig): SessionBackend {
  const redis = createRedisClient(config.redisUrl, redisErrorLogger(config));
  // disableTouch: the cart script refreshes sess:<sid> together with cart:<sid>
  // in the same round trip, so express-session's per-read EXPIRE is redundant.
  const store = new RedisStore({
    client: timedClientForConnectRedis(redis),
    prefix: 'sess:',
    ttl: config.sessionTtlSeconds,
    disableTouch: true,
  });
  return {
    kind: 'redis',
    store,
    redis,
    sessionsInMemory: () => null,
    ready: () => redisReady(redis),
    onSessionGone: () => undefined,
    close: () => closeRedisClient(redis),
  };
}

export function createSessionBackend(config: AppConfig): SessionBackend {
  return config.sessionStore === 'redis' ? redisBackend(config) : memoryBackend(config);
}
