import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { CART_API_ENV_KEYS, SESSION_MAX, SESSION_TTL_SECONDS } from '../../../../libs/env-keys';

export type SessionStoreKind = 'memory' | 'redis';
export type CookieSecure = 'auto' | boolean;

export interface AppConfig {
  port: number;
  host: string;
  appName: string;
  sessionStore: SessionStoreKind;
  redisUrl: string;
  /** Set: Redis is found through these Sentinels (REDIS_URL is then unused). */
  redisSentinels?: RedisNodeAddress[];
  /** The name the Sentinels monitor the primary under. */
  redisSentinelName: string;
  /** Replicas that must acknowledge a cart write (WAIT) before it is answered 2xx; 0: no WAIT. */
  redisWaitReplicas: number;
  redisWaitTimeoutMs: number;
  /** First signs, all verify (rotation). */
  sessionSecrets: string[];
  /** True when no SESSION_SECRET was given and a random one is in use. */
  secretGenerated: boolean;
  sessionTtlSeconds: number;
  /** Most sessions the memory store holds; new ones past it get 503 + Retry-After. */
  sessionMax: number;
  cookieSecure: CookieSecure;
  /** Express `trust proxy` value: a list of names/addresses/CIDRs. */
  trustProxy: string[];
  logLevel: 'info' | 'silent';
  /** Prometheus counters on every request and GET /metrics; off: neither. */
  metrics: boolean;
  /** Token a supervisor sets to recognise this very process in /health/ready (absent: not reported). */
  instanceId?: string;
}

export interface RedisNodeAddress {
  host: string;
  port: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Every environment variable loadConfig reads (Compose files and the lab check against it). */
export const CONFIG_ENV_KEYS = CART_API_ENV_KEYS;

/** A bad environment value; the message is the one line printed at boot. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function pick(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = pick(env, name, fallback);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name}=${value} is invalid: expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function intIn(env: Env, name: string, min: number, max: number, fallback: number): number {
  const value = pick(env, name, String(fallback));
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new ConfigError(`${name}=${value} is invalid: expected an integer from ${min} to ${max}`);
  }
  return n;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An entry Express' `trust proxy` (proxy-addr) accepts: a preset name, an IP, or IP/prefix. */
function validProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [ip, prefix, extra] = entry.split('/');
  const family = isIP(ip);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return (/^\d+$/.test(prefix) && Number(prefix) <= max) || (family === 4 && isIP(prefix) === 4);
}

function trustProxy(env: Env): string[] {
  // Loopback only by default: a replica listening on 0.0.0.0 must not let any
  // LAN or container-network client set the address it sees (X-Forwarded-For)
  // or the scheme that makes cookies Secure. Widen it to the balancer's address.
  const value = pick(env, 'TRUST_PROXY', 'loopback');
  const entries = list(value);
  const bad = entries.find((e) => !validProxyEntry(e));
  if (bad !== undefined || entries.length === 0) {
    throw new ConfigError(
      `TRUST_PROXY=${value} is invalid: expected a comma list of ${PROXY_NAMES.join(', ')}, IP addresses or CIDR ranges`,
    );
  }
  return entries;
}

function redisUrl(env: Env): string {
  const value = pick(env, 'REDIS_URL', 'redis://localhost:6379');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`REDIS_URL=${value} is invalid: expected a URL like redis://host:6379`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`REDIS_URL=${value} is invalid: expected a redis:// or rediss:// URL`);
  }
  return value;
}

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/;

function sentinels(env: Env, store: SessionStoreKind): RedisNodeAddress[] | undefined {
  const value = pick(env, 'REDIS_SENTINELS', '');
  if (value === '') return undefined;
  if (store !== 'redis') throw new ConfigError('REDIS_SENTINELS needs SESSION_STORE=redis');
  const nodes = list(value).map((entry) => {
    const m = /^(.+):(\d{1,5})$/.exec(entry);
    const port = Number(m?.[2]);
    if (!m || (!isIP(m[1]) && !HOST_NAME.test(m[1])) || port < 1 || port > 65535) {
      throw new ConfigError(`REDIS_SENTINELS=${value.slice(0, 200)} is invalid: expected a comma list of host:port`);
    }
    return { host: m[1], port };
  });
  if (nodes.length === 0 || nodes.length > 16) throw new ConfigError('REDIS_SENTINELS is invalid: expected 1 to 16 host:port entries');
  return nodes;
}

function sentinelName(env: Env): string {
  const value = pick(env, 'REDIS_SENTINEL_NAME', 'cart');
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(value)) {
    throw new ConfigError(`REDIS_SENTINEL_NAME=${value.slice(0, 80)} is invalid: expected 1-32 letters, digits, '_' or '-'`);
  }
  return value;
}

function waitReplicas(env: Env, store: SessionStoreKind): number {
  const n = intIn(env, 'REDIS_WAIT_REPLICAS', 0, 16, 0);
  if (n > 0 && store !== 'redis') throw new ConfigError('REDIS_WAIT_REPLICAS needs SESSION_STORE=redis');
  return n;
}

function host(env: Env): string {
  // Loopback outside a container: the image sets HOST=0.0.0.0 where the balancer is on another address.
  const value = pick(env, 'HOST', '127.0.0.1');
  if (!isIP(value) && !HOST_NAME.test(value)) {
    throw new ConfigError(`HOST=${value} is invalid: expected an IP address or a host name`);
  }
  return value;
}

function appName(env: Env): string {
  const value = pick(env, 'APP_NAME', hostname());
  if (!/^[\w.-]{1,64}$/.test(value)) {
    throw new ConfigError(`APP_NAME=${value} is invalid: expected 1-64 letters, digits, '.', '_' or '-'`);
  }
  return value;
}

function secrets(env: Env): { sessionSecrets: string[]; secretGenerated: boolean } {
  const given = list(env.SESSION_SECRET ?? '');
  if (given.length > 0) return { sessionSecrets: given, secretGenerated: false };
  return { sessionSecrets: [randomBytes(32).toString('hex')], secretGenerated: true };
}

function instanceId(env: Env): string | undefined {
  const value = pick(env, 'INSTANCE_ID', '');
  if (value === '') return undefined;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
    throw new ConfigError(`INSTANCE_ID=${value.slice(0, 80)} is invalid: expected 1-64 letters, digits, '_' or '-'`);
  }
  return value;
}

/** Parses and validates the environment; throws ConfigError naming the bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const cookie = oneOf(env, 'COOKIE_SECURE', ['auto', 'true', 'false'] as const, 'auto');
  const sessionStore = oneOf(env, 'SESSION_STORE', ['memory', 'redis'] as const, 'memory');
  return {
    port: intIn(env, 'PORT', 0, 65535, 8000),
    host: host(env),
    appName: appName(env),
    sessionStore,
    redisUrl: redisUrl(env),
    redisSentinels: sentinels(env, sessionStore),
    redisSentinelName: sentinelName(env),
    redisWaitReplicas: waitReplicas(env, sessionStore),
    // Added to a cart write's 500 ms bound: keep a write's 503 well under nginx's 5 s read timeout.
    redisWaitTimeoutMs: intIn(env, 'REDIS_WAIT_TIMEOUT_MS', 1, 2_000, 200),
    ...secrets(env),
    sessionTtlSeconds: intIn(env, 'SESSION_TTL_SECONDS', SESSION_TTL_SECONDS.min, SESSION_TTL_SECONDS.max, SESSION_TTL_SECONDS.fallback),
    sessionMax: intIn(env, 'SESSION_MAX', SESSION_MAX.min, SESSION_MAX.max, SESSION_MAX.fallback),
    cookieSecure: cookie === 'auto' ? 'auto' : cookie === 'true',
    trustProxy: trustProxy(env),
    logLevel: oneOf(env, 'LOG_LEVEL', ['info', 'silent'] as const, 'info'),
    metrics: oneOf(env, 'METRICS', ['on', 'off'] as const, 'on') === 'on',
    instanceId: instanceId(env),
  };
}
