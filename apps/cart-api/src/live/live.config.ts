import { ConfigError } from '../config/config';

export type LiveAdapter = 'none' | 'redis';

export interface LiveConfig {
  /** `redis`: emits reach sockets held by other replicas (needs SESSION_STORE=redis). */
  adapter: LiveAdapter;
  /** Most engine connections (authenticated or still handshaking) one replica holds. */
  maxSockets: number;
  /** Most of them one session cookie holds (tabs of one person; a script with a stolen cookie). */
  maxPerSession: number;
  /** Most of them one client address holds (as the replica sees it through trusted proxies). */
  maxPerAddress: number;
}

export const LIVE_CONFIG = Symbol('LIVE_CONFIG');

/** Largest message a client may send; the page sends none but a `whoami`. */
export const LIVE_MAX_MESSAGE_BYTES = 1024;

type Env = Record<string, string | undefined>;

function value(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  return raw ? raw : fallback;
}

export function loadLiveConfig(env: Env, sessionStore: 'memory' | 'redis'): LiveConfig {
  const adapter = value(env, 'LIVE_ADAPTER', 'none');
  if (adapter !== 'none' && adapter !== 'redis') {
    throw new ConfigError(`LIVE_ADAPTER=${adapter} is invalid: expected one of none, redis`);
  }
  if (adapter === 'redis' && sessionStore !== 'redis') {
    throw new ConfigError('LIVE_ADAPTER=redis needs SESSION_STORE=redis (the adapter shares its Redis)');
  }
  if (adapter === 'redis' && value(env, 'REDIS_SENTINELS', '') !== '') {
    // Its pub/sub connection would stay on a primary Sentinel has replaced.
    throw new ConfigError('LIVE_ADAPTER=redis does not run with REDIS_SENTINELS (docs/redis-ha.md)');
  }
  return {
    adapter,
    maxSockets: count(env, 'LIVE_MAX_SOCKETS', '1000'),
    maxPerSession: count(env, 'LIVE_MAX_SOCKETS_PER_SESSION', '8'),
    maxPerAddress: count(env, 'LIVE_MAX_SOCKETS_PER_ADDRESS', '64'),
  };
}

function count(env: Env, name: string, fallback: string): number {
  const raw = value(env, name, fallback);
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 100_000) throw new ConfigError(`${name}=${raw} is invalid: expected an integer from 1 to 100000`);
  return n;
}
