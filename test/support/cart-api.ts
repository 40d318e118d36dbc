// In-process cart-api apps for the e2e suites: the real AppModule and the
// same configureApp() as main.ts, listening on a free loopback port.
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../apps/cart-api/src/app.module';
import { configureApp } from '../../apps/cart-api/src/app.setup';
import { CART_LIMITS, CartLimits } from '../../apps/cart-api/src/cart/cart.repository';
import { loadConfig } from '../../apps/cart-api/src/config/config';
import { waitFor } from '../../apps/lab/src/util/wait';
import { noteSkip } from './skip';

export const TEST_SECRET = 'e2e-secret-one';

export interface TestApp {
  app: NestExpressApplication;
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Replaces the cart limits (CART_LIMITS provider), e.g. to reach the line limit with a 6-product catalog. */
  limits?: CartLimits;
}

/** Starts one app; `env` overrides the quiet test defaults. */
export async function createTestApp(env: Record<string, string> = {}, opts: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({ APP_NAME: 'test-app', LOG_LEVEL: 'silent', SESSION_SECRET: TEST_SECRET, ...env });
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  if (opts.limits) builder = builder.overrideProvider(CART_LIMITS).useValue(opts.limits);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/**
 * Waits until /health/ready answers 200. A redis-store app boots without
 * waiting for Redis and answers 503 until its client has connected, so a
 * test that means to use Redis waits for this first.
 */
export async function untilReady(t: TestApp, timeoutMs = 5_000): Promise<TestApp> {
  await waitFor(`${t.url} ready`, async () => (await fetch(`${t.url}/health/ready`)).status === 200, { timeoutMs });
  return t;
}

/** A minimal cookie-following client over fetch, for tests that need many concurrent requests. */
export class CookieClient {
  cookie = '';

  constructor(public base: string) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
  async request(method: string, path: string, body?: unknown, base = this.base): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }
}

export interface FireSpec {
  /** Each request goes to bases[i % bases.length]. */
  bases: string[];
  method: string;
  path: string;
  body?: unknown;
  cookie: string;
  count: number;
}

const FIRE_SCRIPT = `
const { parentPort, workerData: s } = require('node:worker_threads');
const headers = { cookie: s.cookie, 'content-type': 'application/json' };
const body = s.body === undefined ? undefined : JSON.stringify(s.body);
Promise.all(Array.from({ length: s.count }, (_, i) =>
  fetch(s.bases[i % s.bases.length] + s.path, { method: s.method, headers, body })
    .then(async (r) => { await r.text(); return r.status; }, (e) => 'error: ' + e.message),
)).then((statuses) => parentPort.postMessage(statuses));
`;

/**
 * Fires `count` requests at once from a worker thread. A client in the test's
 * own event loop would take turns with an in-process server and hide races;
 * from another thread the requests overlap inside the server for real.
 */
export function fireConcurrently(spec: FireSpec): Promise<Array<number | string>> {
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(FIRE_SCRIPT, { eval: true, workerData: spec });
    worker.once('message', (statuses: Array<number | string>) => {
      resolve(statuses);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * `describe`, or `describe.skip` with the reason printed when this machine has
 * no redis-server (CI installs it; a skip must never be silent).
 */
export function describeWithRedis(): jest.Describe {
  const { findBinary } = require('../../apps/lab/src/util/find-binary') as typeof import('../../apps/lab/src/util/find-binary');
  if (findBinary('redis-server')) return describe;
  noteSkip('redis-store suites: redis-server is not installed (sudo apt-get install -y redis-server)');
  return describe.skip;
}
