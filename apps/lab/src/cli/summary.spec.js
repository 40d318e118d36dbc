"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const summary_1 = require("./summary");
const io = { color: false, out: () => undefined, err: () => undefined, env: {}, cwd: '/' };
function status(over = {}) {
    return {
        driver: 'process',
        strategy: 'ip-hash',
        store: 'redis',
        url: 'http://127.0.0.1:8080',
        replicas: [
            { name: 'app1', state: 'running', drained: false, url: 'http://127.0.0.1:1', pid: 11, port: 1, stats: { sessions: null, requests_served: 4 } },
            { name: 'app2', state: 'paused', drained: true, url: 'http://127.0.0.1:2', pid: 12, port: 2, stats: null },
        ],
        nginx: { version: '1.22.1', sticky: 'n/a' },
        control_url: 'http://127.0.0.1:8081',
        dashboard_url: 'http://127.0.0.1:8081/',
        pid: 10,
        started_at: '2026-11-29T00:00:00.000Z',
        ...over,
    };
}
describe('status table', () => {
    it('tells "kept in Redis" (n/a) from "did not answer" (?), and says so in a legend', () => {
        const text = (0, summary_1.renderStatus)(io, status());
        expect(text).toMatch(/^ {2}app1 +running +in rotation +11 +1 +n\/a +4 /m);
        expect(text).toMatch(/^ {2}app2 +paused +drained +12 +2 +\? +\? /m);
        expect(text).toMatch(/SESSIONS n\/a: kept in Redis, not per replica; \?: the replica did not answer/);
        expect(text).toMatch(/nginx +1\.22\.1, running$/m);
    });
    it('shows the balancer dead for every replica when nginx is', () => {
        const text = (0, summary_1.renderStatus)(io, status({ nginx: { version: '1.22.1', sticky: 'n/a', state: 'dead' } }));
        expect(text).toMatch(/nginx +1\.22\.1, dead \(nothing answers on the URL\)$/m);
        expect(text).toMatch(/^ {2}app1 +running +nginx dead /m);
        expect(text).toMatch(/^ {2}app2 +paused +nginx dead /m);
    });
});
//# sourceMappingURL=summary.spec.js.map