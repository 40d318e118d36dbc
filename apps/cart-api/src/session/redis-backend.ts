import { logError } from '../common/log';
import type { AppConfig } from '../config/config';
import { createRedisClient, RedisLink, singleLink, timedClientForConnectRedis } from './redis-client';
import { sentinelLink } from './sentinel-link';
import type { SessionBackend } from './session-backend';
import { ClaimedSessionStore } from './claimed-session.store';

function redisErrorLogger(config: AppConfig, counted: { errors: number }): (err: Error) => void {
  let last = '';
  // node-redis emits an error on every failed reconnect; log each distinct one once (count them all).
  return (err) => {
    counted.errors++;
    const line = `${err?.message ?? err}`;
    if (line === last || config.logLevel === 'silent') return;
    last = line;
    logError({ replica: config.appName, redis_error: line });
  };
}

function redisLink(config: AppConfig, onError: (err: Error) => void): RedisLink {
  if (config.redisSentinels) return sentinelLink(config.redisSentinels, config.redisSentinelName, onError);
  return singleLink(createRedisClient(config.redisUrl, onError));
}

export function redisBackend(config: AppConfig): SessionBackend {
  const counted = { errors: 0 };
  const redis = redisLink(config, redisErrorLogger(config, counted));
  // disableTouch, and no GET either (ClaimedSessionStore): the cart script
  // checks and refreshes sess:<sid> together with cart:<sid>, so a cart read
  // or write is one round trip.
  const ttlMs = config.sessionTtlSeconds * 1000;
  const store = new ClaimedSessionStore(
    { client: timedClientForConnectRedis(redis), prefix: 'sess:', ttl: config.sessionTtlSeconds, disableTouch: true },
    () => ({ originalMaxAge: ttlMs, expires: new Date(Date.now() + ttlMs), httpOnly: true, path: '/', sameSite: 'lax', secure: config.cookieSecure === true }),
  );
  return {
    kind: 'redis',
    store,
    redis,
    sessionsInMemory: () => null,
    sessionCounts: () => null,
    redisErrors: () => counted.errors,
    ready: () => redis.ready(),
    onSessionGone: () => undefined,
    close: () => redis.close(),
  };
}
