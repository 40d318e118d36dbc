// cookie route insert indirect nocache httponly + option redispatch: the
// cookie names the replica, is sent only when it changes, never reaches the
// replica, is redispatched when its replica is down, and a forged value just
// means normal balancing.
import { HaproxyLab } from './support/haproxy-lab';
import { BackendBody } from './support/backends';
import { routeCookie } from '../support/probe';
import { describeIfInstalled } from './support/requires';
import { rawRequest } from '../support/raw-http';

const describeHaproxy = describeIfInstalled(__filename);

jest.setTimeout(60_000);

describeHaproxy('haproxy sticky-cookie', () => {
  let lab: HaproxyLab;
  beforeEach(async () => {
    lab = await HaproxyLab.start({ strategy: 'sticky-cookie', checkInter: '200ms' });
  });
  afterEach(async () => {
    await lab?.close();
  });

  it('inserts the cookie once, keeps the client on its replica, and hides the cookie from it', () =>
    lab.check(async () => {
      const first = await lab.get('/');
      const route = routeCookie(first);
      expect(route).toBe(first.servedBy);
      expect(first.setCookie[0]).toMatch(/; HttpOnly/i);
      for (let i = 0; i < 6; i++) {
        const r = await lab.get('/', { headers: { Cookie: `route=${route}; sid=abc` } });
        expect(r.servedBy).toBe(route);
        // indirect: a valid cookie is not sent again…
        expect(r.setCookie).toEqual([]);
        // …and is taken out of the request (the other cookies stay).
        expect((JSON.parse(r.body) as BackendBody).headers.cookie).toBe('sid=abc');
      }
    }));

  it('ignores an over-long (8 KB) route cookie and re-pins; HTTP/1.0 without Host reaches a replica', () =>
    lab.check(async () => {
      const long = await rawRequest(lab.url, `GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: route=${'a'.repeat(8_200)}\r\n\r\n`);
      expect(long.status).toBe(200);
      expect(long.headers['set-cookie']).toMatch(new RegExp(`^route=${long.headers['x-served-by']};`));
      const bare = await rawRequest(lab.url, 'GET / HTTP/1.0\r\n\r\n');
      expect(bare.status).toBe(200);
      expect(bare.headers['x-served-by']).toMatch(/^app\d$/);
    }));

  it('redispatches a client whose replica is down and re-pins it to the one that answered', () =>
    lab.check(async () => {
      const pinned = routeCookie(await lab.get('/'))!;
      await lab.backends.stop(pinned);
      // Even before the health check notices, the connect failure is retried
      // and the last retry goes elsewhere (option redispatch): no error.
      const r = await lab.get('/', { headers: { Cookie: `route=${pinned}` } });
      expect(r.status).toBe(200);
      expect(r.servedBy).not.toBe(pinned);
      expect(routeCookie(r)).toBe(r.servedBy);
    }));

  it('balances a forged or unknown cookie normally and replaces it', () =>
    lab.check(async () => {
      const tally: Record<string, number> = {};
      for (const forged of ['app9', '127.0.0.1:22', '../../etc', 'app1x', 'x'.repeat(500)]) {
        for (let i = 0; i < 3; i++) {
          const r = await lab.get('/', { headers: { Cookie: `route=${forged}` } });
          expect(r.status).toBe(200);
          expect(routeCookie(r)).toBe(r.servedBy);
          tally[r.servedBy] = (tally[r.servedBy] ?? 0) + 1;
        }
      }
      // 15 forged requests, plain round robin: 5 each.
      expect(tally).toEqual({ app1: 5, app2: 5, app3: 5 });
    }));
});
