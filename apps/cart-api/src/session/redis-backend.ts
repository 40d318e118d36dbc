import { RedisStore } from 'connect-redis';
import { logError } from '../common/log';
import type { AppConfig } from '../config/config';
import { closeRedisClient, createRedisClient, redisReady, timedClientForConnectRedis } from './redis-client';
import type { SessionBackend } from './session-backend';

function redisErrorLogger(config: AppConfig): (err: Error) => void {
  let last = '';
  // node-redis emits an error on every failed reconnect; log each distinct one once.
  return (err) => {
    const line = `${err?.message ?? err}`;
    if (line === last || config.logLevel === 'silent') return;
    last = line;
    logError({ replica: config.appName, redis_error: line });
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
