import { createAdapter } from '@socket.io/redis-adapter';
import type { Server } from 'socket.io';
import type { Redis } from '../session/redis-client';
import { closeRedisClient } from '../session/redis-client';

/**
 * The session store's client, except that a failed PUBLISH is reported
 * instead of rejecting: the adapter does not await it, and with the offline
 * queue disabled a Redis outage would otherwise end the process with an
 * unhandled rejection. A push lost to the outage is what the outage costs.
 */
function forgivingPublisher(redis: Redis, onError: (err: Error) => void): Redis {
  return new Proxy(redis, {
    get(target, prop) {
      if (prop === 'publish') {
        return (channel: string, message: string | Buffer) => target.publish(channel, message).catch((err: Error) => onError(err));
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * Switches `io` to the Redis (pub/sub) adapter, so an emit on one replica
 * reaches sockets held by another. Resolves once the subscriber is
 * connected; returns the subscriber's closer.
 */
export async function useRedisAdapter(io: Server, redis: Redis, onError: (err: Error) => void): Promise<() => Promise<void>> {
  const sub = redis.duplicate();
  sub.on('error', onError);
  await sub.connect();
  io.adapter(createAdapter(forgivingPublisher(redis, onError), sub));
  return () => closeRedisClient(sub);
}
