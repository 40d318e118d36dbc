import { Store } from 'express-session';
import type { AppConfig } from '../config/config';
import { MemorySessionStore } from './memory-session.store';
import type { RedisLink } from './redis-client';

export const SESSION_BACKEND = Symbol('SESSION_BACKEND');

export interface SessionCounts {
  created: number;
  expired: number;
  refused: number;
}

/** Where sessions live, and what health, stats and the cart need to know about it. */
export interface SessionBackend {
  readonly kind: 'memory' | 'redis';
  readonly store: Store;
  /** Present with the redis store; the cart repository shares it. */
  readonly redis?: RedisLink;
  /** Sessions held in this process' memory; null when they live in Redis. */
  sessionsInMemory(): number | null;
  /** Sessions this process created, saw expire and refused at its cap since boot; null when they live in Redis. */
  sessionCounts(): SessionCounts | null;
  /** Errors the Redis client reported since boot (with the redis store). */
  redisErrors?(): number;
  ready(): Promise<boolean>;
  /** Registers a callback for sessions that expire or are destroyed. */
  onSessionGone(cb: (sid: string) => void): void;
  close(): Promise<void>;
}

export function memoryBackend(config: AppConfig): SessionBackend {
  const listeners: Array<(sid: string) => void> = [];
  const store = new MemorySessionStore({
    ttlSeconds: config.sessionTtlSeconds,
    maxSessions: config.sessionMax,
    onGone: (sid) => listeners.forEach((cb) => cb(sid)),
  });
  return {
    kind: 'memory',
    store,
    // A counter, not a sweep: the dashboard polls this every second, and the
    // store's timer sweeps expired sessions at least every min(TTL, 60 s).
    sessionsInMemory: () => store.size,
    sessionCounts: () => store.counts,
    ready: async () => true,
    onSessionGone: (cb) => listeners.push(cb),
    close: async () => store.close(),
  };
}

export function createSessionBackend(config: AppConfig): SessionBackend {
  if (config.sessionStore !== 'redis') return memoryBackend(config);
  // Loaded only for the redis store: `redis` and `connect-redis` are ~580
  // modules, a quarter of a memory replica's boot CPU (measured by the bench).
  const { redisBackend } = require('./redis-backend') as typeof import('./redis-backend');
  return redisBackend(config);
}
