// The per-client rate limit, the same contract as nginx's limit_req (100 r/s,
// burst 400, JSON 429 with Retry-After): at most 400 requests served per address in any 4 s
// window; other addresses and the lab's own 127.0.0.1 are not affected.
import { HaproxyLab } from './support/haproxy-lab';
import { describeIfInstalled } from './support/requires';
import { overConnectionLimit } from '../support/conn-limit';
import { pool, probe, ProbeResponse } from '../support/probe';

const describeHaproxy = describeIfInstalled(__filename);

jest.setTimeout(120_000);

const FLOOD = 700;
const FLOODER = '127.0.230.1';
const LIMIT = { ratePerS: 100, burst: 400 };

describeHaproxy('haproxy per-client rate limit', () => {
  let lab: HaproxyLab | undefined;
  afterEach(async () => {
    await lab?.close();
    lab = undefined;
  });

  it('a flood from one address gets JSON 429s past the burst, served stays within burst + rate × time, others are served', async () => {
    lab = await HaproxyLab.start({ strategy: 'round-robin' });
    const l = lab;
    await l.check(async () => {
      const started = Date.now();
      // /__lab/generation is answered by HAProxy itself: the flood outruns the limit however slow the replicas are.
      const answers: ProbeResponse[] = await pool(Array.from({ length: FLOOD }), 32, () => probe(`${l.url}/__lab/generation`, { from: FLOODER }));
      const seconds = (Date.now() - started) / 1000;
      const served = answers.filter((a) => a.status === 200).length;
      const refused = answers.filter((a) => a.status === 429);
      expect(served + refused.length).toBe(FLOOD);
      // The whole burst is served; past it no more than the rate allows over the flood's duration.
      expect(served).toBeGreaterThanOrEqual(LIMIT.burst);
      expect(served).toBeLessThanOrEqual(LIMIT.burst + Math.ceil(LIMIT.ratePerS * seconds));
      expect(refused.length).toBeGreaterThan(0);
      // Every refusal says when to come back, as nginx's limit_req refusals do.
      expect(refused.filter((a) => a.retryAfter !== '1' || !a.contentType.startsWith('application/json'))).toEqual([]);
      expect(JSON.parse(refused[0].body)).toEqual({ statusCode: 429, error: 'too_many_requests', message: 'too many requests from this address; slow down' });
      // The limit is per address: another client right now, and the lab's own host, are served.
      expect((await probe(`${l.url}/`, { from: '127.0.231.1' })).status).toBe(200);
      const local = await pool(Array.from({ length: 450 }), 32, () => probe(`${l.url}/__lab/generation`, { from: '127.0.0.1' }));
      expect(local.filter((a) => a.status !== 200)).toEqual([]);
    });
  });

  it('over 64 connections from one address: JSON 429 with Retry-After; another address is served', async () => {
    lab = await HaproxyLab.start({ strategy: 'round-robin' });
    const l = lab;
    await l.check(async () => {
      const { same, other } = await overConnectionLimit(l.url, '127.0.231.1', '127.0.232.1');
      expect([same.status, same.headers['retry-after'], same.headers['content-type']]).toEqual([429, '1', 'application/json']);
      expect(JSON.parse(same.body)).toEqual({ statusCode: 429, error: 'too_many_connections', message: expect.stringMatching(/connections/) });
      expect(other.status).toBe(200);
    });
  });
});
