"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
// Every class of bad input gets a clear JSON 4xx naming what is wrong; never a
// 5xx. The single-request cases are one table, run straight against a replica
// and through a real nginx in front of it (same answers, same shape).
const supertest_1 = __importDefault(require("supertest"));
const nginx_lab_1 = require("../support/nginx/nginx-lab");
const cart_api_1 = require("../support/cart-api");
const raw_http_1 = require("../support/raw-http");
jest.setTimeout(30_000);
const ERROR_KEYS = ['error', 'message', 'statusCode'];
function expectError(res, status, message, servedBy = 'bad-input') {
    expect([res.status, res.body.message]).toEqual([status, expect.stringMatching(message)]);
    expect(Object.keys(res.body).sort()).toEqual(ERROR_KEYS);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['x-served-by'] ?? null).toBe(servedBy);
}
const post = (name, body, status, message, type) => ({
    name,
    method: 'post',
    path: '/cart/items',
    body,
    type,
    status,
    message,
});
const nested = (open, close, depth) => open.repeat(depth) + close.repeat(depth);
const deepObject = (depth) => (depth === 0 ? '"x"' : `{"a":${deepObject(depth - 1)}}`);
const CASES = [
    post('malformed JSON', '{"sku": "sku-apple", ', 400, /JSON|Unexpected|Expected/),
    post('a JSON body over 16 KiB', JSON.stringify({ sku: 'sku-apple', qty: 1, pad: 'x'.repeat(17 * 1024) }), 413, /too large/),
    post('a body just under the limit (its unknown property rejected)', JSON.stringify({ sku: 'sku-apple', qty: 1, pad: 'x'.repeat(15 * 1024) }), 400, /property pad should not exist/),
    post('no sku', { qty: 1 }, 400, /sku/),
    post('no qty', { sku: 'sku-apple' }, 400, /qty/),
    post('a numeric sku', { sku: 42, qty: 1 }, 400, /sku must be a string/),
    post('an empty sku', { sku: '', qty: 1 }, 400, /sku/),
    post('qty 0', { sku: 'sku-apple', qty: 0 }, 400, /qty must not be less than 1/),
    post('qty 100', { sku: 'sku-apple', qty: 100 }, 400, /qty must not be greater than 99/),
    post('a fractional qty', { sku: 'sku-apple', qty: 1.5 }, 400, /qty must be an integer/),
    post('a string qty', { sku: 'sku-apple', qty: '2' }, 400, /qty must be an integer/),
    post('an unknown property', { sku: 'sku-apple', qty: 1, price: 0 }, 400, /property price should not exist/),
    post('a form body', 'sku=sku-apple&qty=1', 400, /sku/, 'application/x-www-form-urlencoded'),
    post('a JSON array', '[1,2]', 400, /sku|qty|array/i),
    // Under the body limit, but thousands of levels deep: refused before parsing and validation.
    post('8 000 nested arrays', nested('[', ']', 8_000), 400, /nested deeper than 8 levels/),
    post('a sku 2 500 objects deep', `{"sku":${deepObject(2_500)},"qty":1}`, 400, /nested deeper/),
    post('a qty 5 000 arrays deep', `{"sku":"sku-apple","qty":${nested('[', ']', 5_000)}}`, 400, /nested deeper/),
    post('brackets inside strings do not count', { sku: '[[[[[[[[[[[[{{{{{{{{{{', qty: 1 }, 404, /unknown sku/),
    // Keys JSON.parse keeps as own properties: as unknown as any other key.
    post('a __proto__ key', '{"sku":"sku-apple","qty":1,"__proto__":{"admin":true}}', 400, /property __proto__ should not exist/),
    post('a constructor key', '{"sku":"sku-apple","qty":1,"constructor":{"prototype":{}}}', 400, /property constructor should not exist/),
    post('a prototype key', '{"sku":"sku-apple","qty":1,"prototype":1}', 400, /property prototype should not exist/),
    post('an unknown sku', { sku: 'sku-unicorn', qty: 1 }, 404, /unknown sku: sku-unicorn/),
    { name: 'PATCH of an unknown sku', method: 'patch', path: '/cart/items/sku-unicorn', body: { qty: 1 }, status: 404, message: /unknown sku/ },
    { name: 'DELETE of an unknown sku', method: 'delete', path: '/cart/items/sku-unicorn', status: 404, message: /unknown sku/ },
    { name: 'PATCH of a line not in the cart', method: 'patch', path: '/cart/items/sku-mug', body: { qty: 1 }, status: 404, message: /sku-mug is not in the cart/ },
    { name: 'DELETE of a line not in the cart', method: 'delete', path: '/cart/items/sku-mug', status: 404, message: /not in the cart/ },
    { name: 'a broken percent-encoding', method: 'delete', path: '/cart/items/%E0%A4%A', status: 400, message: /.+/, nginxAnswers: true },
    // Existing routes, wrong method: 405 with Allow, not 404.
    { name: 'OPTIONS /cart', method: 'options', path: '/cart', status: 405, message: /OPTIONS is not allowed/, allow: 'DELETE, GET, HEAD' },
    { name: 'PUT on a cart line', method: 'put', path: '/cart/items/sku-apple', status: 405, message: /PUT/, allow: 'DELETE, PATCH' },
    { name: 'GET /cart/items', method: 'get', path: '/cart/items', status: 405, message: /GET/, allow: 'POST' },
    { name: 'POST /products', method: 'post', path: '/products', body: {}, status: 405, message: /POST/, allow: 'GET, HEAD' },
    { name: 'an unknown path', method: 'get', path: '/nope', status: 404, message: /Cannot GET \/nope/ },
];
function send(base, c) {
    const req = (0, supertest_1.default)(base)[c.method](c.path);
    if (c.body === undefined)
        return req;
    return req.set('Content-Type', c.type ?? 'application/json').send(c.body);
}
/** The replica alone, and the replica behind a real nginx (round-robin, one server). */
const TARGETS = ['straight to the replica', 'through nginx'];
describe.each(TARGETS)('cart-api bad input, %s', (target) => {
    let t;
    let lab;
    let base;
    beforeAll(async () => {
        t = await (0, cart_api_1.createTestApp)({ APP_NAME: 'bad-input' });
        base = t.url;
        if (target === 'through nginx') {
            const port = Number(new URL(t.url).port);
            lab = await nginx_lab_1.NginxLab.start({ strategy: 'round-robin', replicas: [], extra: [{ name: 'bad-input', host: '127.0.0.1', port }] });
            base = lab.url;
        }
    });
    afterAll(async () => {
        await lab?.close();
        await t?.close();
    });
    it.each(CASES.map((c) => [c.name, c]))('%s', async (_name, c) => {
        const res = await send(base, c);
        expectError(res, c.status, c.message, lab && c.nginxAnswers ? null : 'bad-input');
        if (c.allow)
            expect(res.headers.allow).toBe(c.allow);
        if (c.status === 400 || c.status === 405)
            expect(res.headers['set-cookie']).toBeUndefined();
    });
    it('Expect: 100-continue with a 100 MB Content-Length gets an immediate JSON 413, never 100 Continue', async () => {
        const started = Date.now();
        const r = await (0, raw_http_1.rawRequest)(base, 'POST /cart/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 100000000\r\n\r\n', { timeoutMs: 3_000 });
        expect(r.text).not.toMatch(/^HTTP\/1\.1 100 /);
        expect([r.status, JSON.parse(r.body || 'null')]).toEqual([413, expect.objectContaining({ statusCode: 413, error: 'Payload Too Large' })]);
        expect(Date.now() - started).toBeLessThan(2_500); // answered, not timed out
    });
    it('Expect: 100-continue with a body within the limit is still served', async () => {
        const body = JSON.stringify({ sku: 'sku-apple', qty: 1, pad: 'x'.repeat(2_000) });
        const r = await (0, raw_http_1.rawRequest)(base, `POST /cart/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n${body}`, { timeoutMs: 3_000 });
        // Validated like any body: it reached the app (400 for the unknown pad, not a hang or a 413).
        expect(r.text).toMatch(/HTTP\/1\.1 400 [^]*property pad should not exist/);
    });
});
describe('cart-api bad input with a session (straight to the replica)', () => {
    let t;
    beforeEach(async () => {
        t = await (0, cart_api_1.createTestApp)({ APP_NAME: 'bad-input' }, { limits: { maxQty: 99, maxLines: 2 } });
    });
    afterEach(() => t.close());
    it('8 000 nested arrays cost about what an ordinary 400 of the same size costs', async () => {
        // Before the depth bound: a RangeError in the validation pipe at ~17× the CPU.
        const deep = nested('[', ']', 8_000);
        const flat = JSON.stringify({ sku: 'sku-apple', qty: 1, pad: 'x'.repeat(deep.length - 40) });
        const cpuOf = async (body) => {
            const before = process.cpuUsage();
            for (let i = 0; i < 40; i++)
                expect((await (0, supertest_1.default)(t.url).post('/cart/items').set('Content-Type', 'application/json').send(body)).status).toBe(400);
            const used = process.cpuUsage(before);
            return used.user + used.system;
        };
        await cpuOf(flat); // warm both paths up
        await cpuOf(deep);
        const [flatCpu, deepCpu] = [await cpuOf(flat), await cpuOf(deep)];
        expect(deepCpu / flatCpu).toBeLessThan(3);
    });
    it('PATCH validates qty the same way', async () => {
        const agent = supertest_1.default.agent(t.url);
        await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
        expectError(await agent.patch('/cart/items/sku-apple').send({ qty: 0 }), 400, /qty/);
        expectError(await agent.patch('/cart/items/sku-apple').send({ qty: 5, sku: 'x' }), 400, /property sku/);
        expectError(await agent.patch('/cart/items/sku-apple').send({}), 400, /qty/);
    });
    it('a line not in the cart is 404 with a session too', async () => {
        const agent = supertest_1.default.agent(t.url);
        await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
        expectError(await agent.patch('/cart/items/sku-mug').send({ qty: 1 }), 404, /not in the cart/);
        expectError(await agent.delete('/cart/items/sku-mug'), 404, /not in the cart/);
    });
    it('too many lines is 422 and the cart is unchanged', async () => {
        const agent = supertest_1.default.agent(t.url);
        await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
        await agent.post('/cart/items').send({ sku: 'sku-bread', qty: 1 }).expect(201);
        expectError(await agent.post('/cart/items').send({ sku: 'sku-mug', qty: 1 }), 422, /at most 2 lines/);
        expect((await agent.get('/cart')).body.items.map((i) => i.sku)).toEqual(['sku-apple', 'sku-bread']);
    });
    it('adding past 99 on one line is 422 and the line is unchanged', async () => {
        const agent = supertest_1.default.agent(t.url);
        await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 60 }).expect(201);
        expectError(await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 40 }), 422, /exceed 99/);
        expect((await agent.get('/cart')).body.items[0].qty).toBe(60);
    });
    it('a request Node cannot parse gets the same JSON error shape and X-Served-By', async () => {
        const raw = async (text) => (await (0, raw_http_1.rawRequest)(t.url, text)).text;
        const garbage = await raw('HELLO THERE\r\n\r\n');
        expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
        expect(garbage).toMatch(/X-Served-By: bad-input/);
        expect(JSON.parse(garbage.split('\r\n\r\n')[1])).toEqual({ statusCode: 400, error: 'Bad Request', message: 'malformed HTTP request' });
        const huge = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
        expect(huge).toMatch(/^HTTP\/1\.1 431 [^]*X-Served-By: bad-input/);
    });
});
//# sourceMappingURL=bad-input.e2e.js.map