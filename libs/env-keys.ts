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
  'INSTANCE_ID',
  // Live cart updates (apps/cart-api/src/live/live.config.ts).
  'LIVE_ADAPTER',
  'LIVE_MAX_SOCKETS',
]);
