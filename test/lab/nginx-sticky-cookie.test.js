"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// sticky-cookie (portable form, what nginx 1.22 runs) through the real nginx:
// the route cookie pins a client, re-pins it to the replica that answered
// after a failure, and a forged value only ever gets normal balancing.
const nginx_lab_1 = require("../support/nginx/nginx-lab");
const probe_1 = require("../support/probe");
jest.setTimeout(60_000);
describe('nginx sticky-cookie (portable)', () => {
    let lab;
    beforeEach(async () => {
        lab = await nginx_lab_1.NginxLab.start({ strategy: 'sticky-cookie', sticky: 'portable' });
    });
    afterEach(async () => {
        await lab?.close();
    });
    const withRoute = (route) => ({ headers: { Cookie: `route=${route}` } });
    it('pins a client to the replica named by its first response', () => lab.check(async () => {
        expect(lab.rendered.stickyMode).toBe('portable');
        const first = await lab.get('/');
        const route = (0, probe_1.routeCookie)(first);
        expect(route).toBe(first.servedBy);
        // 30 requests with that cookie, from 3 different /24s: all on one replica.
        for (const from of ['127.0.1.1', '127.0.2.1', '127.0.3.1'])
            expect(await lab.many(10, '/', { ...withRoute(route), from })).toEqual({ [route]: 10 });
    }));
    it('re-pins to the backup that answered when the pinned replica is gone', () => lab.check(async () => {
        await lab.backends.stop('app2');
        const r = await lab.get('/cart', withRoute('app2'));
        // No error: app2 refuses, a backup of pool_app2 answers and names itself.
        expect(r.status).toBe(200);
        expect(r.servedBy).not.toBe('app2');
        expect((0, probe_1.routeCookie)(r)).toBe(r.servedBy);
        expect(await lab.many(10, '/cart', withRoute(r.servedBy))).toEqual({ [r.servedBy]: 10 });
    }));
    it('balances a forged, unknown or empty route like no cookie at all', () => lab.check(async () => {
        const port = lab.rendered.vars.LAB_SERVERS.match(/127\.0\.0\.1:(\d+)/)?.[1];
        for (const forged of ['evil', `127.0.0.1:${port}`, 'pool_app1', 'lab_backend', '', 'app9']) {
            // 30 requests over pool_all (round robin over 3): 10 each, no 502.
            const tally = await lab.many(30, '/', withRoute(forged));
            expect({ forged, tally }).toEqual({ forged, tally: { app1: 10, app2: 10, app3: 10 } });
        }
    }));
    it('sets no route cookie when no replica answered (502)', () => lab.check(async () => {
        for (const name of ['app1', 'app2', 'app3'])
            await lab.backends.stop(name);
        const r = await lab.get('/', withRoute('app1'));
        expect(r.status).toBe(502);
        expect((0, probe_1.routeCookie)(r)).toBeUndefined();
    }));
    it('sends a client pinned to a `down` replica to a backup', () => lab.check(async () => {
        await lab.reconfigure({ down: ['app3'] });
        const r = await lab.get('/', withRoute('app3'));
        expect(r.status).toBe(200);
        expect(['app1', 'app2']).toContain(r.servedBy);
        expect((0, probe_1.routeCookie)(r)).toBe(r.servedBy);
    }));
});
//# sourceMappingURL=nginx-sticky-cookie.test.js.map