"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// stick-table + stick on src: the first request of an address is balanced
// round robin, the server it got is stored per address, and the entry
// expires after `expire` without traffic.
const wait_1 = require("../../apps/lab/src/util/wait");
const haproxy_lab_1 = require("./support/haproxy-lab");
const requires_1 = require("./support/requires");
const describeHaproxy = (0, requires_1.describeIfInstalled)(__filename);
jest.setTimeout(60_000);
const CLIENTS = ['127.0.50.1', '127.0.50.2', '127.0.50.3', '127.0.50.4', '127.0.50.5', '127.0.50.6'];
describeHaproxy('haproxy stick-table', () => {
    let lab;
    beforeEach(async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'stick-table', stickExpire: '2s' });
    });
    afterEach(async () => {
        await lab?.close();
    });
    it('pins each address to the server its first request got, in the table', () => lab.check(async () => {
        const first = new Map();
        for (const from of CLIENTS)
            first.set(from, (await lab.get('/', { from })).servedBy);
        // Six first requests in round robin: two clients per server.
        expect([...first.values()].sort()).toEqual(['app1', 'app1', 'app2', 'app2', 'app3', 'app3']);
        for (const from of CLIENTS)
            expect(await lab.many(4, '/', { from })).toEqual({ [first.get(from)]: 4 });
        const table = await lab.api.stickTable();
        expect(table.map((e) => e.key).sort()).toEqual([...CLIENTS].sort());
        for (const e of table)
            expect(`app${e.serverId}`).toBe(first.get(e.key));
    }));
    it('forgets an address once its entry expires', () => lab.check(async () => {
        await lab.get('/', { from: CLIENTS[0] });
        expect((await lab.api.stickTable()).map((e) => e.key)).toEqual([CLIENTS[0]]);
        // expire 2s: the entry must be gone within a few seconds of silence.
        await (0, wait_1.waitFor)('the stick entry to expire', async () => (await lab.api.stickTable()).length === 0, { timeoutMs: 8_000, intervalMs: 250 });
        await lab.get('/', { from: CLIENTS[0] });
        expect((await lab.api.stickTable()).length).toBe(1);
    }));
});
//# sourceMappingURL=haproxy-stick-table.test.js.map