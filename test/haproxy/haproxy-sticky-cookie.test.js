"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// cookie route insert indirect nocache httponly + option redispatch: the
// cookie names the replica, is sent only when it changes, never reaches the
// replica, is redispatched when its replica is down, and a forged value just
// means normal balancing.
const haproxy_lab_1 = require("./support/haproxy-lab");
const probe_1 = require("../support/probe");
const requires_1 = require("./support/requires");
const describeHaproxy = (0, requires_1.describeIfInstalled)(__filename);
jest.setTimeout(60_000);
describeHaproxy('haproxy sticky-cookie', () => {
    let lab;
    beforeEach(async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'sticky-cookie', checkInter: '200ms' });
    });
    afterEach(async () => {
        await lab?.close();
    });
    it('inserts the cookie once, keeps the client on its replica, and hides the cookie from it', () => lab.check(async () => {
        const first = await lab.get('/');
        const route = (0, probe_1.routeCookie)(first);
        expect(route).toBe(first.servedBy);
        expect(first.setCookie[0]).toMatch(/; HttpOnly/i);
        for (let i = 0; i < 6; i++) {
            const r = await lab.get('/', { headers: { Cookie: `route=${route}; sid=abc` } });
            expect(r.servedBy).toBe(route);
            // indirect: a valid cookie is not sent again…
            expect(r.setCookie).toEqual([]);
            // …and is taken out of the request (the other cookies stay).
            expect(JSON.parse(r.body).headers.cookie).toBe('sid=abc');
        }
    }));
    it('redispatches a client whose replica is down and re-pins it to the one that answered', () => lab.check(async () => {
        const pinned = (0, probe_1.routeCookie)(await lab.get('/'));
        await lab.backends.stop(pinned);
        // Even before the health check notices, the connect failure is retried
        // and the last retry goes elsewhere (option redispatch): no error.
        const r = await lab.get('/', { headers: { Cookie: `route=${pinned}` } });
        expect(r.status).toBe(200);
        expect(r.servedBy).not.toBe(pinned);
        expect((0, probe_1.routeCookie)(r)).toBe(r.servedBy);
    }));
    it('balances a forged or unknown cookie normally and replaces it', () => lab.check(async () => {
        const tally = {};
        for (const forged of ['app9', '127.0.0.1:22', '../../etc', 'app1x', 'x'.repeat(500)]) {
            for (let i = 0; i < 3; i++) {
                const r = await lab.get('/', { headers: { Cookie: `route=${forged}` } });
                expect(r.status).toBe(200);
                expect((0, probe_1.routeCookie)(r)).toBe(r.servedBy);
                tally[r.servedBy] = (tally[r.servedBy] ?? 0) + 1;
            }
        }
        // 15 forged requests, plain round robin: 5 each.
        expect(tally).toEqual({ app1: 5, app2: 5, app3: 5 });
    }));
});
//# sourceMappingURL=haproxy-sticky-cookie.test.js.map