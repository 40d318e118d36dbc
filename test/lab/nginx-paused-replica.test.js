"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// A paused (SIGSTOP) replica accepts connections and never answers: nginx
// gives up after proxy_read_timeout. A GET then goes to the next replica; a
// POST that was already sent is not retried (504), because it may have been
// applied.
const echo_process_1 = require("../support/nginx/echo-process");
const nginx_lab_1 = require("../support/nginx/nginx-lab");
jest.setTimeout(60_000);
describe('nginx in front of a paused replica', () => {
    let paused;
    let lab;
    beforeEach(async () => {
        paused = await echo_process_1.EchoProcess.start('app3');
        // 1 s instead of the default 5 s keeps the suite short; the behaviour is the same.
        lab = await nginx_lab_1.NginxLab.start({ strategy: 'round-robin', replicas: ['app1', 'app2'], extra: [paused.replica], proxyReadTimeout: '1s' });
    });
    afterEach(async () => {
        await paused?.kill();
        await lab?.close();
    });
    it('answers every GET, the ones that hit the paused replica after the read timeout', () => lab.check(async () => {
        expect(await lab.many(3)).toEqual({ app1: 1, app2: 1, app3: 1 });
        paused.pause();
        const started = Date.now();
        // 6 GETs: the one that reaches app3 waits 1 s, is retried elsewhere, and
        // app3 is then out for fail_timeout (2 s): all 6 answered by app1/app2.
        const tally = await lab.many(6);
        expect(tally.app3).toBeUndefined();
        expect((tally.app1 ?? 0) + (tally.app2 ?? 0)).toBe(6);
        expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    }));
    it('gives a POST that reached the paused replica a 504, not a second try', () => lab.check(async () => {
        paused.pause();
        // Round robin: the 3rd request goes to app3.
        const replies = [];
        for (let i = 0; i < 3; i++)
            replies.push(await lab.get('/cart/items', { method: 'POST' }));
        expect(replies.map((r) => r.status)).toEqual([200, 200, 504]);
        // nginx's own 504, in the API's JSON shape.
        expect(JSON.parse(replies[2].body)).toEqual({ statusCode: 504, error: 'Gateway Timeout', message: expect.stringMatching(/in time/) });
    }));
});
//# sourceMappingURL=nginx-paused-replica.test.js.map