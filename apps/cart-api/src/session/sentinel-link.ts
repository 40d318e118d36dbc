import { createSentinel } from 'redis';
import type { RedisNodeAddress } from '../config/config';
import type { Redis, RedisLink } from './redis-client';
import { SOCKET_OPTIONS } from './redis-client';
import { RedisTimeoutError, withTimeout } from './with-timeout';

type Sentinel = ReturnType<typeof createSentinel>;

/**
 * A client of a data node gives up after a few attempts instead of retrying
 * forever: node-redis' Sentinel client awaits connect() on the primary it was
 * told about, and a primary that is gone for good (a killed container's name
 * no longer resolves) would hold every command behind that connect forever.
 * Given up, the Sentinel client asks the Sentinels again (seen under Compose).
 */
export const NODE_SOCKET_OPTIONS = {
  connectTimeout: SOCKET_OPTIONS.connectTimeout,
  reconnectStrategy: (retries: number) => (retries >= 5 ? new Error(`gave up after ${retries} reconnect attempts`) : SOCKET_OPTIONS.reconnectStrategy(retries)),
};

/** Commands waiting for a primary at once; more get an immediate error instead of memory. */
export const MAX_PENDING_COMMANDS = 1_000;
const RETRY_CONNECT_MS = 1_000;

export class NoPrimaryError extends Error {}

/**
 * Redis found through Sentinel by node-redis' own client (createSentinel):
 * it asks the Sentinels for the primary, follows `+switch-master`, and
 * retries a command that met a demoted primary (READONLY). A first connect
 * that finds no primary is retried with a fresh client until close(), so a
 * replica booted before its Redis comes up recovers by itself.
 */
export function sentinelLink(nodes: RedisNodeAddress[], name: string, onError: (err: Error) => void): RedisLink {
  let current: Sentinel | undefined;
  let attempt: Sentinel | undefined;
  let closed = false;
  let pending = 0;

  const connect = async (): Promise<void> => {
    while (!closed) {
      const s = createSentinel({
        name,
        sentinelRootNodes: nodes,
        nodeClientOptions: { disableOfflineQueue: true, socket: NODE_SOCKET_OPTIONS },
        sentinelClientOptions: { socket: SOCKET_OPTIONS },
      });
      attempt = s;
      s.on('error', onError);
      try {
        await s.connect();
        if (closed) await s.destroy();
        else current = s;
        return;
      } catch (err) {
        onError(err as Error);
        await s.destroy().catch(() => undefined);
        await new Promise((r) => setTimeout(r, RETRY_CONNECT_MS));
      }
    }
  };
  // Boot does not wait for Redis; commands meanwhile fail fast (NoPrimaryError).
  void connect();

  const run = async <T>(fn: (client: Redis) => Promise<T>): Promise<T> => {
    const s = current;
    if (!s) throw new NoPrimaryError('no Redis primary found through the Sentinels yet');
    if (pending >= MAX_PENDING_COMMANDS) throw new RedisTimeoutError(`${pending} Redis commands already wait for a primary`);
    pending += 1;
    try {
      // One underlying client for all of fn: a WAIT counts the writes of its own connection.
      return await s._execute(false, fn as unknown as Parameters<Sentinel['_execute']>[1]) as T;
    } finally {
      pending -= 1;
    }
  };

  return {
    run,
    ready: async () => {
      try {
        return (await withTimeout(run((c) => c.ping()), 300, 'redis ping')) === 'PONG';
      } catch {
        return false;
      }
    },
    close: async () => {
      closed = true;
      const s = current ?? attempt;
      current = undefined;
      if (!s) return;
      await withTimeout(s.close(), 1_000, 'sentinel close').catch(() => s.destroy().catch(() => undefined));
    },
  };
}
