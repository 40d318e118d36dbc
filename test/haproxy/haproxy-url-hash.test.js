"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// balance uri whole + hash-type consistent: affinity per URL (query
// included), not per user: every client asking one URL reaches one replica.
const haproxy_lab_1 = require("./support/haproxy-lab");
const requires_1 = require("./support/requires");
const describeHaproxy = (0, requires_1.describeIfInstalled)(__filename);
jest.setTimeout(60_000);
describeHaproxy('haproxy url-hash', () => {
    let lab;
    beforeEach(async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'url-hash' });
    });
    afterEach(async () => {
        await lab?.close();
    });
    it('sends one URL to one replica whoever asks, and spreads different URLs', () => lab.check(async () => {
        const clients = ['127.0.90.1', '127.0.91.1', '127.0.92.1', '127.0.93.1'];
        const servedFor = async (path) => new Set(await Promise.all(clients.map(async (from) => (await lab.get(path, { from })).servedBy)));
        expect((await servedFor('/cart')).size).toBe(1);
        // `whole`: the query is part of the key, like nginx's $request_uri.
        const byQuery = new Set();
        for (let i = 0; i < 30; i++) {
            const served = await servedFor(`/catalog?page=${i}`);
            expect(served.size).toBe(1);
            byQuery.add([...served][0]);
        }
        // 30 distinct keys on a fixed ring: all three replicas get some.
        expect(byQuery).toEqual(new Set(['app1', 'app2', 'app3']));
    }));
});
//# sourceMappingURL=haproxy-url-hash.test.js.map