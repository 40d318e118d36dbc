"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// hash $request_uri consistent through the real nginx: affinity per URL,
// whoever asks; one user's different URLs land on different replicas.
const nginx_lab_1 = require("../support/nginx/nginx-lab");
jest.setTimeout(60_000);
const PATHS = Array.from({ length: 30 }, (_, i) => `/cart/items/sku-${i}`);
describe('nginx url-hash', () => {
    let lab;
    beforeEach(async () => {
        lab = await nginx_lab_1.NginxLab.start({ strategy: 'url-hash' });
    });
    afterEach(async () => {
        await lab?.close();
    });
    it('sends one URL to one replica, from every client address', () => lab.check(async () => {
        for (const path of PATHS.slice(0, 5)) {
            const tally = {};
            for (let subnet = 1; subnet <= 6; subnet++) {
                const r = await lab.get(path, { from: `127.0.${subnet}.1` });
                tally[r.servedBy] = (tally[r.servedBy] ?? 0) + 1;
            }
            // 6 clients from 6 different /24s, one replica.
            expect(Object.values(tally)).toEqual([6]);
        }
    }));
    it('spreads different URLs of one client over the replicas', () => lab.check(async () => {
        const seen = new Set();
        for (const path of PATHS)
            seen.add((await lab.get(path, { from: '127.0.1.1' })).servedBy);
        expect(seen).toEqual(new Set(['app1', 'app2', 'app3']));
    }));
});
//# sourceMappingURL=nginx-url-hash.test.js.map