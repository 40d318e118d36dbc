import { readFileSync } from 'node:fs';
import { CONFIG_ENV_KEYS, ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8000,
      host: '127.0.0.1',
      sessionStore: 'memory',
      redisUrl: 'redis://localhost:6379',
      sessionTtlSeconds: 1800,
      sessionMax: 100_000,
      cookieSecure: 'auto',
      trustProxy: ['loopback'],
      logLevel: 'info',
      metrics: true,
      secretGenerated: true,
    });
    expect(c.appName.length).toBeGreaterThan(0);
    expect(c.sessionSecrets[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('generates a different secret per process start', () => {
    expect(loadConfig({}).sessionSecrets[0]).not.toBe(loadConfig({}).sessionSecrets[0]);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '9001',
      HOST: '127.0.0.1',
      APP_NAME: 'app2',
      SESSION_STORE: 'redis',
      REDIS_URL: 'redis://cache:6380',
      SESSION_SECRET: ' new , old ,',
      SESSION_TTL_SECONDS: '60',
      SESSION_MAX: '500',
      COOKIE_SECURE: 'false',
      TRUST_PROXY: '10.0.0.0/8, loopback',
      LOG_LEVEL: 'silent',
      METRICS: 'off',
    });
    expect(c).toMatchObject({
      port: 9001,
      host: '127.0.0.1',
      appName: 'app2',
      sessionStore: 'redis',
      redisUrl: 'redis://cache:6380',
      sessionSecrets: ['new', 'old'],
      secretGenerated: false,
      sessionTtlSeconds: 60,
      sessionMax: 500,
      cookieSecure: false,
      trustProxy: ['10.0.0.0/8', 'loopback'],
      logLevel: 'silent',
      metrics: false,
    });
    expect(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '172.16.0.0/12,::1, 10.0.0.0/255.0.0.0' }).trustProxy).toEqual([
      '172.16.0.0/12',
      '::1',
      '10.0.0.0/255.0.0.0',
    ]);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['SESSION_STORE', 'mongo'],
    ['REDIS_URL', 'not a url'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['SESSION_TTL_SECONDS', '0'],
    ['SESSION_TTL_SECONDS', '1.5'],
    ['SESSION_MAX', '0'],
    ['COOKIE_SECURE', 'yes'],
    ['LOG_LEVEL', 'debug'],
    ['METRICS', 'yes'],
    ['APP_NAME', 'has space'],
    ['TRUST_PROXY', 'loopback, nginx'],
    ['HOST', 'not a host'],
    ['TRUST_PROXY', '10.0.0.0/33'],
  ])('rejects %s=%s with one line naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(`${name}=`)).toBe(true);
    expect(message).not.toContain('\n');
  });

  describe('replicated Redis', () => {
    const redis = { SESSION_STORE: 'redis' };
    it('reads REDIS_SENTINELS as host:port nodes, with the monitored name and WAIT settings', () => {
      const c = loadConfig({ ...redis, REDIS_SENTINELS: '127.0.0.1:26379, sentinel-2:26380', REDIS_SENTINEL_NAME: 'lab', REDIS_WAIT_REPLICAS: '1', REDIS_WAIT_TIMEOUT_MS: '300' });
      expect(c).toMatchObject({
        redisSentinels: [{ host: '127.0.0.1', port: 26379 }, { host: 'sentinel-2', port: 26380 }],
        redisSentinelName: 'lab', redisWaitReplicas: 1, redisWaitTimeoutMs: 300,
      });
    });

    it('defaults: one Redis (no Sentinels), name cart, no WAIT', () => {
      expect(loadConfig(redis)).toMatchObject({ redisSentinels: undefined, redisSentinelName: 'cart', redisWaitReplicas: 0, redisWaitTimeoutMs: 200 });
    });

    it.each([
      ['REDIS_SENTINELS', 'no-port', 'REDIS_SENTINELS='],
      ['REDIS_SENTINELS', 'h:0', 'REDIS_SENTINELS='],
      ['REDIS_SENTINELS', 'h:70000', 'REDIS_SENTINELS='],
      ['REDIS_SENTINELS', 'bad host:1', 'REDIS_SENTINELS='],
      ['REDIS_SENTINELS', Array.from({ length: 17 }, (_, i) => `h${i}:1`).join(','), 'REDIS_SENTINELS '],
      ['REDIS_SENTINEL_NAME', 'a b', 'REDIS_SENTINEL_NAME='],
      ['REDIS_WAIT_REPLICAS', '-1', 'REDIS_WAIT_REPLICAS='],
      ['REDIS_WAIT_REPLICAS', '17', 'REDIS_WAIT_REPLICAS='],
      ['REDIS_WAIT_TIMEOUT_MS', '0', 'REDIS_WAIT_TIMEOUT_MS='],
      ['REDIS_WAIT_TIMEOUT_MS', '5000', 'REDIS_WAIT_TIMEOUT_MS='],
    ])('rejects %s=%s', (name, value, start) => {
      expect(() => loadConfig({ ...redis, [name]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ ...redis, [name]: value })).toThrow(new RegExp(`^${start}`));
    });

    it('refuses Sentinels and WAIT with the memory store (they would silently do nothing)', () => {
      expect(() => loadConfig({ REDIS_SENTINELS: 'h:1' })).toThrow('REDIS_SENTINELS needs SESSION_STORE=redis');
      expect(() => loadConfig({ REDIS_WAIT_REPLICAS: '1' })).toThrow('REDIS_WAIT_REPLICAS needs SESSION_STORE=redis');
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', SESSION_STORE: ' ' })).toMatchObject({ port: 8000, sessionStore: 'memory' });
  });

  it('CONFIG_ENV_KEYS lists exactly the variables the parsers read (the service\'s and the live updates\')', () => {
    const src = ['config.ts', '../live/live.config.ts'].map((f) => readFileSync(`${__dirname}/${f}`, 'utf8')).join('\n');
    const read = new Set([...src.matchAll(/\benv\.([A-Z_]+)|\(env, '([A-Z_]+)'/g)].map((m) => m[1] ?? m[2]));
    expect([...read].sort()).toEqual([...CONFIG_ENV_KEYS].sort());
  });
});
