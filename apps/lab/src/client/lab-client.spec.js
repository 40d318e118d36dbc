"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The client's own contract against a plain local HTTP server: cookies,
// source address, and how each way of failing is classified.
const node_http_1 = require("node:http");
const free_port_1 = require("../util/free-port");
const history_1 = require("./history");
const lab_client_1 = require("./lab-client");
let server;
let base;
const clients = [];
function client(extra = {}) {
    const c = new lab_client_1.LabClient({ name: 'u1', baseUrl: base, timeoutMs: 1_000, ...extra });
    clients.push(c);
    return c;
}
beforeAll(async () => {
    server = (0, node_http_1.createServer)((req, res) => {
        const send = (status, body, headers = {}) => {
            res.writeHead(status, { 'content-type': 'application/json', 'x-served-by': 'app7', ...headers });
            res.end(JSON.stringify(body));
        };
        if (req.url === '/whoami')
            return send(200, { client_ip: req.socket.remoteAddress, cookie: req.headers.cookie ?? null });
        if (req.url === '/login')
            return send(200, {}, { 'set-cookie': ['sid=s%3Aabc; Path=/; HttpOnly', 'route=app2; Path=/'] });
        if (req.url === '/logout')
            return send(200, {}, { 'set-cookie': 'sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT' });
        if (req.url === '/cart')
            return send(200, { served_by: 'app7', items: [{ sku: 'A', qty: 1 }], item_count: 1, total_cents: 0 });
        if (req.url === '/unavailable')
            return send(503, { message: 'store unavailable' });
        if (req.url === '/bad-gateway')
            return send(502, {});
        if (req.url === '/reset')
            return req.socket.destroy();
        if (req.url === '/hang')
            return; // never answers
        send(404, { message: 'nope' });
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(async () => {
    for (const c of clients)
        c.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
});
it('binds its socket to the chosen loopback source address', async () => {
    const reply = await client({ sourceAddress: '127.0.42.1' }).request('GET', '/whoami');
    expect(reply.body?.client_ip).toBe('127.0.42.1');
});
it('keeps cookies from Set-Cookie, sends them back, forgets expired ones and accepts forged ones', async () => {
    const c = client();
    await c.request('GET', '/login');
    expect(c.cookies()).toEqual({ sid: 's%3Aabc', route: 'app2' });
    c.setCookie('route', 'forged');
    const echoed = await c.request('GET', '/whoami');
    expect(echoed.body?.cookie).toBe('sid=s%3Aabc; route=forged');
    await c.request('GET', '/logout');
    expect(c.cookies()).toEqual({ route: 'forged' });
});
it('records served_by and the cart it saw', async () => {
    const history = new history_1.History();
    const reply = await client({ history }).getCart();
    expect(reply).toMatchObject({ ok: true, outcome: 'ok', servedBy: 'app7' });
    expect(history.entries[0]).toMatchObject({ client: 'u1', op: 'getCart', status: 200, cart: { item_count: 1 } });
});
it('classifies 4xx and 503 as fail, 502 on a write as unknown and on a read as fail', async () => {
    const c = client();
    expect((await c.request('GET', '/missing')).outcome).toBe('fail');
    expect((await c.request('POST', '/unavailable', {})).outcome).toBe('fail');
    expect((await c.request('POST', '/bad-gateway', {})).outcome).toBe('unknown');
    expect((await c.request('GET', '/bad-gateway')).outcome).toBe('fail');
});
it('classifies a refused connection as fail and a reset or timeout after sending a write as unknown', async () => {
    const refused = await client({ baseUrl: `http://127.0.0.1:${await (0, free_port_1.freePort)()}` }).addItem('A', 1);
    expect(refused.outcome).toBe('fail');
    expect(refused.error).toMatch(/ECONNREFUSED/);
    const c = client({ timeoutMs: 300 });
    const reset = await c.request('POST', '/reset', {});
    expect(reset.outcome).toBe('unknown');
    const hung = await c.request('POST', '/hang', {});
    expect(hung).toMatchObject({ outcome: 'unknown', error: expect.stringMatching(/ETIMEDOUT/) });
    expect((await c.request('GET', '/hang')).outcome).toBe('fail');
});
//# sourceMappingURL=lab-client.spec.js.map