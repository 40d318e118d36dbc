// Every class of bad input gets a clear JSON 4xx naming what is wrong; never a 5xx.
import { connect } from 'node:net';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/cart-api';

const ERROR_KEYS = ['error', 'message', 'statusCode'];

function expectError(res: request.Response, status: number, message: RegExp): void {
  expect([res.status, res.body.message]).toEqual([status, expect.stringMatching(message)]);
  expect(Object.keys(res.body).sort()).toEqual(ERROR_KEYS);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.headers['x-served-by']).toBe('bad-input');
}

describe('cart-api bad input', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ APP_NAME: 'bad-input' }, { limits: { maxQty: 99, maxLines: 2 } });
  });
  afterEach(() => t.close());

  const post = (body: string | object, type = 'application/json') =>
    request(t.url).post('/cart/items').set('Content-Type', type).send(body);

  it('malformed JSON is 400', async () => {
    expectError(await post('{"sku": "sku-apple", '), 400, /JSON|Unexpected|Expected/);
  });

  it('a JSON body over 16 KiB is 413', async () => {
    const big = JSON.stringify({ sku: 'sku-apple', qty: 1, pad: 'x'.repeat(17 * 1024) });
    expectError(await post(big), 413, /too large/);
  });

  it('a body just under the limit is parsed (and its unknown property rejected)', async () => {
    const res = await post(JSON.stringify({ sku: 'sku-apple', qty: 1, pad: 'x'.repeat(15 * 1024) }));
    expectError(res, 400, /property pad should not exist/);
  });

  it.each([
    [{ qty: 1 }, /sku/],
    [{ sku: 'sku-apple' }, /qty/],
    [{ sku: 42, qty: 1 }, /sku must be a string/],
    [{ sku: '', qty: 1 }, /sku/],
    [{ sku: 'sku-apple', qty: 0 }, /qty must not be less than 1/],
    [{ sku: 'sku-apple', qty: 100 }, /qty must not be greater than 99/],
    [{ sku: 'sku-apple', qty: 1.5 }, /qty must be an integer/],
    [{ sku: 'sku-apple', qty: '2' }, /qty must be an integer/],
    [{ sku: 'sku-apple', qty: 1, price: 0 }, /property price should not exist/],
  ])('POST /cart/items %j is 400 naming the field', async (body, message) => {
    expectError(await post(body), 400, message);
  });

  it('a non-JSON or missing body is 400', async () => {
    expectError(await post('sku=sku-apple&qty=1', 'application/x-www-form-urlencoded'), 400, /sku/);
    expectError(await request(t.url).post('/cart/items'), 400, /sku/);
    expectError(await post('[1,2]'), 400, /sku|qty|array/i);
  });

  it('PATCH validates qty the same way', async () => {
    const agent = request.agent(t.url);
    await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
    expectError(await agent.patch('/cart/items/sku-apple').send({ qty: 0 }), 400, /qty/);
    expectError(await agent.patch('/cart/items/sku-apple').send({ qty: 5, sku: 'x' }), 400, /property sku/);
    expectError(await agent.patch('/cart/items/sku-apple').send({}), 400, /qty/);
  });

  it('an unknown sku is 404 on add, set and remove', async () => {
    expectError(await post({ sku: 'sku-unicorn', qty: 1 }), 404, /unknown sku: sku-unicorn/);
    expectError(await request(t.url).patch('/cart/items/sku-unicorn').send({ qty: 1 }), 404, /unknown sku/);
    expectError(await request(t.url).delete('/cart/items/sku-unicorn'), 404, /unknown sku/);
  });

  it('a line not in the cart is 404, with or without a session', async () => {
    expectError(await request(t.url).patch('/cart/items/sku-mug').send({ qty: 1 }), 404, /sku-mug is not in the cart/);
    expectError(await request(t.url).delete('/cart/items/sku-mug'), 404, /not in the cart/);
    const agent = request.agent(t.url);
    await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
    expectError(await agent.patch('/cart/items/sku-mug').send({ qty: 1 }), 404, /not in the cart/);
    expectError(await agent.delete('/cart/items/sku-mug'), 404, /not in the cart/);
  });

  it('too many lines is 422 and the cart is unchanged', async () => {
    const agent = request.agent(t.url);
    await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
    await agent.post('/cart/items').send({ sku: 'sku-bread', qty: 1 }).expect(201);
    expectError(await agent.post('/cart/items').send({ sku: 'sku-mug', qty: 1 }), 422, /at most 2 lines/);
    expect((await agent.get('/cart')).body.items.map((i: { sku: string }) => i.sku)).toEqual(['sku-apple', 'sku-bread']);
  });

  it('adding past 99 on one line is 422 and the line is unchanged', async () => {
    const agent = request.agent(t.url);
    await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 60 }).expect(201);
    expectError(await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 40 }), 422, /exceed 99/);
    expect((await agent.get('/cart')).body.items[0].qty).toBe(60);
  });

  it('a path with a broken percent-encoding is 400', async () => {
    expectError(await request(t.url).delete('/cart/items/%E0%A4%A'), 400, /.+/);
  });

  it('a request Node cannot parse gets the same JSON error shape and X-Served-By', async () => {
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const sock = connect(Number(new URL(t.url).port), '127.0.0.1', () => sock.write(text));
        let reply = '';
        sock.on('data', (d) => (reply += d.toString()));
        sock.on('end', () => resolve(reply));
        sock.on('error', reject);
      });
    const garbage = await raw('HELLO THERE\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage).toMatch(/X-Served-By: bad-input/);
    expect(JSON.parse(garbage.split('\r\n\r\n')[1])).toEqual({ statusCode: 400, error: 'Bad Request', message: 'malformed HTTP request' });
    const huge = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 [^]*X-Served-By: bad-input/);
  });
});
