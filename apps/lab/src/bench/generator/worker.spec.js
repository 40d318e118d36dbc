"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The generator against a real HTTP server on loopback: each user's requests
// must come from its own address and carry its own cookies.
const node_http_1 = require("node:http");
const worker_1 = require("./worker");
function startServer(seen) {
    let sessions = 0;
    const server = (0, node_http_1.createServer)((req, res) => {
        const cookie = req.headers.cookie ?? '';
        seen.push({ address: req.socket.remoteAddress ?? '', cookie });
        if (req.url === '/boom') {
            res.writeHead(500).end('{}');
            return;
        }
        // A user without a session gets one and an empty cart; with one, its cart.
        const has = /sid=/.test(cookie);
        if (!has)
            res.setHeader('set-cookie', `sid=u${++sessions}; Path=/; HttpOnly`);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ item_count: has ? 1 : 0 }));
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}
const job = (url, over = {}) => ({
    id: 1,
    url,
    steps: [{ method: 'GET', path: '/cart' }],
    users: [
        { address: '127.77.1.1', cookie: '' },
        { address: '127.77.2.1', cookie: 'sid=given' },
    ],
    durationS: 0.3,
    inspectCart: true,
    ...over,
});
describe('load generator slice', () => {
    let server;
    let url;
    const seen = [];
    beforeAll(async () => {
        ({ server, url } = await startServer(seen));
    });
    afterAll(() => new Promise((r) => server.close(() => r())));
    beforeEach(() => void seen.splice(0));
    it('sends each user from its own address with its own cookies, and counts its kept carts', async () => {
        const r = await (0, worker_1.runSlice)(job(url));
        expect(r.completed).toBeGreaterThan(10);
        expect(r.errors).toEqual({});
        expect(new Set(seen.map((s) => s.address))).toEqual(new Set(['127.77.1.1', '127.77.2.1']));
        // The first user got a session on its first answer and used it from then on.
        const first = seen.filter((s) => s.address === '127.77.1.1');
        expect(first[0].cookie).toBe('');
        expect(first.slice(1).every((s) => s.cookie === 'sid=u1')).toBe(true);
        expect(seen.filter((s) => s.address === '127.77.2.1').every((s) => s.cookie === 'sid=given')).toBe(true);
        expect(r.users.map((u) => u.cookie)).toEqual(['sid=u1', 'sid=given']);
        // Its first read found no cart; every later one did. The second user always had one.
        expect(r.tallies[0].kept).toBe(r.tallies[0].reads - 1);
        expect(r.tallies[1].kept).toBe(r.tallies[1].reads);
        expect(r.latenciesMs.length).toBe(r.completed);
        expect(r.cpuUs).toBeGreaterThan(0);
    });
    it('counts non-2xx answers by status', async () => {
        const r = await (0, worker_1.runSlice)(job(url, { steps: [{ method: 'GET', path: '/boom' }], inspectCart: false }));
        expect(r.errors['500']).toBe(r.completed);
        expect(r.tallies.every((t) => t.reads === 0)).toBe(true);
    });
    it('counts a refused port as connection errors, at a bounded rate, and ends on time', async () => {
        const closed = await startServer([]);
        await new Promise((r) => closed.server.close(() => r()));
        const t0 = Date.now();
        const r = await (0, worker_1.runSlice)(job(closed.url, { durationS: 0.2 }));
        expect(Date.now() - t0).toBeLessThan(2_000);
        expect(r.errors.connection).toBeGreaterThan(0);
        // each user pauses 20 ms after an error: at most ~10 per user in 0.2 s
        expect(r.errors.connection).toBeLessThanOrEqual(2 * 12);
    });
    it.each([
        [{ url: 'http://10.0.0.1:80' }, /url must be http:\/\/127/],
        [{ users: [] }, /1\.\.2000 users/],
        [{ users: [{ address: '10.1.1.1', cookie: '' }] }, /127\.0\.0\.0\/8/],
        [{ durationS: 0 }, /durationS/],
        [{ durationS: 601 }, /durationS/],
        [{ steps: [] }, /steps/],
    ])('refuses a job with %j', (over, message) => {
        expect(() => (0, worker_1.checkJob)(job('http://127.0.0.1:1', over))).toThrow(message);
    });
});
//# sourceMappingURL=worker.spec.js.map