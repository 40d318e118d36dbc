// GET /metrics (Prometheus text): what each series counts, bounded labels
// under hostile paths, the session cap and lost sessions, METRICS=off, and the
// Redis series going from a round trip to errors when Redis dies.
import { RedisServer } from '../../apps/lab/src/topology/drivers/process/redis-server';
import { waitFor } from '../../apps/lab/src/util/wait';
import { CookieClient, createTestApp, describeWithRedis, TestApp, untilReady } from '../support/cart-api';

jest.setTimeout(20_000);

/** Every sample of the text format as `name{labels}` → value. */
async function scrape(t: TestApp): Promise<Map<string, number>> {
  const res = await fetch(`${t.url}/metrics`);
  expect([res.status, res.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^text\/plain;.*version=0\.0\.4/)]);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) samples.set(m[1], Number(m[2]));
  }
  return samples;
}

const addApple = { sku: 'sku-apple', qty: 1 };

describe('cart-api /metrics (memory store)', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('counts responses by method, route pattern and status, and times them', async () => {
    t = await createTestApp({ SESSION_MAX: '1' });
    const shopper = new CookieClient(t.url);
    await shopper.request('POST', '/cart/items', addApple);
    await shopper.request('PATCH', '/cart/items/sku-apple', { qty: 0 });
    // A second shopper is past SESSION_MAX=1: refused with 503.
    expect((await new CookieClient(t.url).request('POST', '/cart/items', addApple)).status).toBe(503);
    // A flood of distinct unknown paths is one label value, not one series each.
    await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`${t.url}/x${i}/${'y'.repeat(i)}`)));
    const m = await scrape(t);
    expect({
      added: m.get('cart_api_http_requests_total{method="POST",route="/cart/items",status="201"}'),
      badQty: m.get('cart_api_http_requests_total{method="PATCH",route="/cart/items/:sku",status="400"}'),
      refused: m.get('cart_api_http_requests_total{method="POST",route="/cart/items",status="503"}'),
      unmatched: m.get('cart_api_http_requests_total{method="GET",route="(unmatched)",status="404"}'),
      timed: m.get('cart_api_http_request_duration_seconds_count{method="GET",route="(unmatched)"}'),
      created: m.get('cart_api_sessions_created_total'),
      refusedAtCap: m.get('cart_api_sessions_refused_total'),
      held: m.get('cart_api_sessions_held'),
      sockets: m.get('cart_api_live_sockets'),
    }).toEqual({ added: 1, badQty: 1, refused: 1, unmatched: 50, timed: 50, created: 1, refusedAtCap: 1, held: 1, sockets: 0 });
    expect([...m.keys()].filter((k) => k.includes('/x'))).toEqual([]);
  });

  it('counts sessions that expired, and answers that said the presented session was lost', async () => {
    t = await createTestApp({ SESSION_TTL_SECONDS: '1' });
    const shopper = new CookieClient(t.url);
    await shopper.request('POST', '/cart/items', addApple);
    // The store sweeps every second: past the TTL the session goes, and the cookie names a session it no longer has.
    await waitFor('the session to expire', async () => (await scrape(t)).get('cart_api_sessions_expired_total') === 1, { timeoutMs: 8_000, intervalMs: 250 });
    const lost = await shopper.request('GET', '/cart');
    expect([lost.status, lost.headers.get('x-session-status')]).toEqual([200, 'expired-or-lost']);
    const m = await scrape(t);
    expect([m.get('cart_api_lost_session_responses_total'), m.get('cart_api_sessions_expired_total')]).toEqual([1, 1]);
  });

  it('reports the event-loop lag from the second scrape on (the first starts the sampler)', async () => {
    t = await createTestApp();
    expect([...(await scrape(t)).keys()].some((k) => k.startsWith('cart_api_event_loop_lag_seconds'))).toBe(false);
    const lag = await waitFor('a lag sample', async () => (await scrape(t)).get('cart_api_event_loop_lag_seconds{stat="p99"}'));
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(5);
  });

  it('METRICS=off: /metrics is a 404 JSON error', async () => {
    t = await createTestApp({ METRICS: 'off' });
    const res = await fetch(`${t.url}/metrics`);
    expect([res.status, await res.json()]).toEqual([404, { statusCode: 404, error: 'Not Found', message: 'metrics are off (METRICS=off)' }]);
  });
});

describeWithRedis()('cart-api /metrics (redis store)', () => {
  it('has a Redis round trip while Redis answers, counts client errors once it is gone, and no session gauges', async () => {
    const redis = await RedisServer.start();
    const t = await untilReady(await createTestApp({ SESSION_STORE: 'redis', REDIS_URL: redis.url }));
    try {
      const up = await scrape(t);
      expect(up.get('cart_api_redis_round_trip_seconds')).toBeGreaterThan(0);
      expect(up.get('cart_api_redis_errors_total')).toBe(0);
      expect(up.has('cart_api_sessions_held')).toBe(false);
      await redis.stop();
      const down = await waitFor('a counted Redis error', async () => {
        const m = await scrape(t);
        return (m.get('cart_api_redis_errors_total') ?? 0) > 0 && m;
      });
      expect(down.get('cart_api_redis_round_trip_seconds')).toBeNaN();
    } finally {
      await t.close();
      await redis.stop();
    }
  });
});
