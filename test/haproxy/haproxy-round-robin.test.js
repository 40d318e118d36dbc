"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// balance roundrobin: no affinity; N requests spread evenly over the servers
// that are up, whoever sends them.
const haproxy_lab_1 = require("./support/haproxy-lab");
const requires_1 = require("./support/requires");
const describeHaproxy = (0, requires_1.describeIfInstalled)(__filename);
jest.setTimeout(60_000);
describeHaproxy('haproxy round-robin', () => {
    let lab;
    beforeEach(async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'round-robin' });
    });
    afterEach(async () => {
        await lab?.close();
    });
    it('spreads 30 requests of one client 10/10/10', () => lab.check(async () => {
        // One thread, equal weights: strict rotation, so exactly 30/3 each.
        expect(await lab.many(30, '/', { from: '127.0.3.1' })).toEqual({ app1: 10, app2: 10, app3: 10 });
    }));
    it('leaves a replica in maintenance out and splits its share evenly', () => lab.check(async () => {
        await lab.reconfigure({ down: ['app2'] });
        expect(await lab.many(30)).toEqual({ app1: 15, app3: 15 });
    }));
});
//# sourceMappingURL=haproxy-round-robin.test.js.map