// Every environment variable cart-api's config reads. cart-api's config spec
// checks the parser reads exactly these; the lab scrubs them from the
// environment a replica inherits, so a replica is configured by the lab only.
export const CART_API_ENV_KEYS: readonly string[] = Object.freeze([
  'PORT',
  'HOST',
  'APP_NAME',
  'SESSION_STORE',
  'REDIS_URL',
  // Replicated Redis (docs/redis-ha.md).
  'REDIS_SENTINELS',
  'REDIS_SENTINEL_NAME',
  'REDIS_WAIT_REPLICAS',
  'REDIS_WAIT_TIMEOUT_MS',
  'SESSION_SECRET',
  'SESSION_TTL_SECONDS',
  'SESSION_MAX',
  'COOKIE_SECURE',
  'TRUST_PROXY',
  'LOG_LEVEL',
  'METRICS',
  'INSTANCE_ID',
  // Live cart updates (apps/cart-api/src/live/live.config.ts).
  'LIVE_ADAPTER',
  'LIVE_MAX_SOCKETS',
  'LIVE_MAX_SOCKETS_PER_SESSION',
  'LIVE_MAX_SOCKETS_PER_ADDRESS',
]);

/** An integer setting of every replica: its variable, bounds and default. */
export interface IntSetting {
  env: string;
  min: number;
  max: number;
  fallback: number;
}

// The two session limits in one place: cart-api's config enforces them at
// boot and the lab refuses the same bad values before it starts anything.
export const SESSION_TTL_SECONDS: IntSetting = Object.freeze({ env: 'SESSION_TTL_SECONDS', min: 1, max: 30 * 86400, fallback: 1800 });
export const SESSION_MAX: IntSetting = Object.freeze({ env: 'SESSION_MAX', min: 1, max: 10_000_000, fallback: 100_000 });
