"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// `set server … state drain` through the runtime API: the server leaves load
// balancing, yet clients already stuck to it (a stick entry, a cookie) keep
// reaching it; new clients go elsewhere.
const haproxy_lab_1 = require("./support/haproxy-lab");
const probe_1 = require("../support/probe");
const requires_1 = require("./support/requires");
const describeHaproxy = (0, requires_1.describeIfInstalled)(__filename);
jest.setTimeout(60_000);
const NEW_CLIENTS = Array.from({ length: 12 }, (_, i) => `127.0.61.${i + 1}`);
describeHaproxy('haproxy drain through the runtime API', () => {
    let lab;
    afterEach(async () => {
        await lab?.close();
        lab = undefined;
    });
    it('stick-table: the stuck address stays, new addresses avoid the drained server', async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'stick-table' });
        const l = lab;
        await l.check(async () => {
            const stuck = '127.0.60.1';
            const pinned = (await l.get('/', { from: stuck })).servedBy;
            await l.api.drain(pinned);
            expect(await l.many(5, '/', { from: stuck })).toEqual({ [pinned]: 5 });
            const fresh = await Promise.all(NEW_CLIENTS.map(async (from) => (await l.get('/', { from })).servedBy));
            expect(fresh).not.toContain(pinned);
            expect(new Set(fresh).size).toBe(2);
        });
    });
    it('sticky-cookie: the pinned cookie stays, cookieless clients avoid the drained server', async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'sticky-cookie' });
        const l = lab;
        await l.check(async () => {
            const pinned = (0, probe_1.routeCookie)(await l.get('/'));
            await l.api.drain(pinned);
            expect(await l.many(5, '/', { headers: { Cookie: `route=${pinned}` } })).toEqual({ [pinned]: 5 });
            const fresh = await l.many(12);
            expect(fresh[pinned]).toBeUndefined();
            // Back to ready: it takes new clients again (12 over 3 in rotation).
            await l.api.ready(pinned);
            expect((await l.many(12))[pinned]).toBe(4);
        });
    });
});
//# sourceMappingURL=haproxy-drain.test.js.map