"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_http_1 = require("node:http");
const http_1 = require("./http");
// The one probe every part of the lab waits with: it must never throw, never
// hang past its timeout and never buffer an unbounded body.
let server;
let base;
let port;
beforeAll(async () => {
    server = (0, node_http_1.createServer)((req, res) => {
        if (req.url === '/__lab/generation')
            return res.end('7\n');
        if (req.url === '/json')
            return res.end('{"ok":true}');
        if (req.url === '/peer')
            return res.end(req.socket.remoteAddress);
        if (req.url === '/flood')
            return void res.write('x'.repeat(1_000_000), () => res.end());
        // /hang: never answers
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    port = server.address().port;
    base = `http://127.0.0.1:${port}`;
});
afterAll(() => {
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
});
it('reads JSON, a generation and the source address it was asked to use', async () => {
    expect(await (0, http_1.httpJson)(`${base}/json`)).toEqual({ status: 200, body: { ok: true } });
    expect(await (0, http_1.fetchGenerationAt)('127.0.0.1', port)).toBe('7');
    expect((await (0, http_1.httpGet)(`${base}/peer`, { localAddress: '127.0.9.1' })).text).toBe('127.0.9.1');
});
it('answers status 0 when nothing answers in time, and null for a generation', async () => {
    const started = Date.now();
    expect((await (0, http_1.httpGet)(`${base}/hang`, { timeoutMs: 200 })).status).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await (0, http_1.fetchGenerationAt)('127.0.0.1', 1, 200)).toBeNull();
});
it('stops reading a body past its cap', async () => {
    const reply = await (0, http_1.httpGet)(`${base}/flood`, { timeoutMs: 5_000 });
    expect(reply.text.length).toBeLessThan(200_000);
    expect((await (0, http_1.httpJson)(`${base}/flood`)).body).toBeUndefined();
});
//# sourceMappingURL=http.spec.js.map