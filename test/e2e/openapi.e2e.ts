// The OpenAPI document against the app that serves it: every route Express
// answers is in it and nothing else is; every body constraint it states is
// one the app enforces (probed at its boundary) and every class-validator
// rule of a body is stated; every answer names its headers and error shape.
import { getMetadataStorage } from 'class-validator';
import type { Application } from 'express';
import { CartController } from '../../apps/cart-api/src/cart/cart.controller';
import { CookieClient, createTestApp, TestApp } from '../support/cart-api';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON document
type Json = any;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `GET /cart/items/{sku}` for every route Express' router holds. */
function expressRoutes(t: TestApp): string[] {
  const app = t.app.getHttpAdapter().getInstance() as Application;
  const stack = (app as unknown as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } }).router.stack;
  return stack
    .filter((l) => l.route)
    .flatMap((l) => Object.keys(l.route!.methods).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${l.route!.path.replace(/:(\w+)/g, '{$1}')}`))
    .sort();
}

function documentedRoutes(doc: Json): string[] {
  return Object.entries(doc.paths as Record<string, Json>)
    .flatMap(([path, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

/** A body every rule of `schema` accepts. */
function validBody(schema: Json): Record<string, unknown> {
  const valid: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(schema.properties as Record<string, Json>)) valid[name] = p.type === 'integer' ? p.minimum ?? 1 : name === 'sku' ? 'sku-apple' : 'x'.repeat(p.minLength ?? 1);
  return valid;
}

/** [value at the bound (accepted), value past it (refused)] for each bound the document states. */
function boundaryCases(p: Json): Array<[string, unknown, unknown]> {
  const cases: Array<[string, unknown, unknown]> = [];
  if (p.minimum !== undefined) cases.push(['minimum', p.minimum, p.minimum - 1]);
  if (p.maximum !== undefined) cases.push(['maximum', p.maximum, p.maximum + 1]);
  if (p.minLength !== undefined) cases.push(['minLength', 'x'.repeat(p.minLength), 'x'.repeat(p.minLength - 1)]);
  if (p.maxLength !== undefined) cases.push(['maxLength', 'x'.repeat(p.maxLength), 'x'.repeat(p.maxLength + 1)]);
  if (p.type === 'integer') cases.push(['type', p.minimum ?? 1, 1.5]);
  if (p.type === 'string') cases.push(['type', 'x', 5]);
  return cases;
}

const KEYWORD: Record<string, string> = { isInt: 'type', isString: 'type', min: 'minimum', max: 'maximum', isLength: 'maxLength' };

describe('the OpenAPI document (/docs-json)', () => {
  let t: TestApp;
  let doc: Json;
  beforeAll(async () => {
    t = await createTestApp({ APP_NAME: 'docs-app' });
    const res = await fetch(`${t.url}/docs-json`);
    expect([res.status, res.headers.get('x-served-by')]).toEqual([200, 'docs-app']);
    doc = await res.json();
  });
  afterAll(() => t.close());

  it('lists exactly the routes Express answers', () => {
    expect(documentedRoutes(doc)).toEqual(expressRoutes(t));
    expect(documentedRoutes(doc)).toEqual(expect.arrayContaining(['POST /cart/items', 'PATCH /cart/items/{sku}', 'GET /metrics', 'GET /docs-json']));
  });

  it('gives every answer X-Served-By and the {statusCode, error, message} error shape; cart answers X-Session-Status', () => {
    expect(doc.components.schemas.HttpError.required).toEqual(['statusCode', 'error', 'message']);
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item as Record<string, Json>)) {
        const where = `${method} ${path}`;
        expect([where, op.responses.default.content['application/json'].schema.$ref]).toEqual([where, '#/components/schemas/HttpError']);
        for (const [status, res] of Object.entries(op.responses as Record<string, Json>)) {
          const headers = Object.keys(res.headers ?? {});
          const want = path.startsWith('/cart') ? ['X-Served-By', 'X-Session-Status'] : ['X-Served-By'];
          expect([where, status, headers]).toEqual([where, status, want]);
        }
      }
    }
  });

  it('states every class-validator rule of every body the controllers take', () => {
    const bodies = Object.getOwnPropertyNames(CartController.prototype)
      .flatMap((m) => (Reflect.getMetadata('design:paramtypes', CartController.prototype, m) ?? []) as Array<new () => object>)
      .filter((type) => getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0);
    expect(bodies.length).toBeGreaterThan(0);
    for (const dto of new Set(bodies)) {
      const schemaName = Object.keys(doc.components.schemas).find((n) => n === dto.name.replace(/Dto$/, ''));
      expect([dto.name, schemaName]).toEqual([dto.name, expect.any(String)]);
      const schema = doc.components.schemas[schemaName!];
      for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
        const stated = schema.properties[rule.propertyName]?.[KEYWORD[rule.name ?? ''] ?? `(no keyword for ${rule.name})`];
        expect([dto.name, rule.propertyName, rule.name, stated !== undefined]).toEqual([dto.name, rule.propertyName, rule.name, true]);
      }
    }
  });

  it.each([
    ['post', '/cart/items', '/cart/items'],
    ['patch', '/cart/items/{sku}', '/cart/items/sku-apple'],
  ])('every bound it states for %s %s is enforced: the bound is accepted, past it is a 400', async (method, path, url) => {
    const schema = doc.components.schemas[doc.paths[path][method].requestBody.content['application/json'].schema.$ref.split('/').pop()];
    const valid = validBody(schema);
    const shopper = new CookieClient(t.url);
    const send = async (body: unknown) => {
      await shopper.request('POST', '/cart/items', { sku: 'sku-apple', qty: 1 }); // PATCH needs the line
      return (await shopper.request(method.toUpperCase(), url, body)).status;
    };
    let probed = 0;
    for (const [name, p] of Object.entries(schema.properties as Record<string, Json>)) {
      for (const [bound, ok, bad] of boundaryCases(p)) {
        // The sku at a length bound is not in the catalog: 404, which is not a refusal of the body.
        expect([name, bound, (await send({ ...valid, [name]: ok })) === 400]).toEqual([name, bound, false]);
        expect([name, bound, await send({ ...valid, [name]: bad })]).toEqual([name, bound, 400]);
        probed++;
      }
    }
    expect(probed).toBeGreaterThanOrEqual(3);
    if (schema.additionalProperties === false) expect(await send({ ...valid, extra: 1 })).toBe(400);
    await shopper.request('DELETE', '/cart');
  });

  it('states the cart limits the service answers 422 for', async () => {
    const { Cart, CartItem } = doc.components.schemas;
    expect([Cart.properties.items.maxItems, CartItem.properties.qty.maximum]).toEqual([50, 99]);
    const shopper = new CookieClient(t.url);
    expect((await shopper.request('POST', '/cart/items', { sku: 'sku-apple', qty: CartItem.properties.qty.maximum })).status).toBe(201);
    expect((await shopper.request('POST', '/cart/items', { sku: 'sku-apple', qty: 1 })).status).toBe(422);
    expect(doc.paths['/cart/items'].post.responses['422']).toBeDefined();
  });

  it('serves the Swagger UI under the app page CSP (same-origin scripts and styles only)', async () => {
    expect((await fetch(`${t.url}/docs`, { redirect: 'manual' })).headers.get('location')).toBe('docs/');
    for (const file of ['', 'swagger-ui-bundle.js', 'swagger-ui.css', 'docs.js']) {
      const res = await fetch(`${t.url}/docs/${file}`);
      expect([file, res.status, res.headers.get('content-security-policy')]).toEqual([file, 200, expect.stringContaining("script-src 'self'; style-src 'self'")]);
    }
    const unknown = await fetch(`${t.url}/docs/..%2Fpackage.json`);
    expect([unknown.status, (await unknown.json()).statusCode]).toEqual([404, 404]);
  });
});
