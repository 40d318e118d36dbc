"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CookieClient = exports.TEST_SECRET = void 0;
exports.createTestApp = createTestApp;
exports.untilReady = untilReady;
exports.fireConcurrently = fireConcurrently;
exports.describeWithRedis = describeWithRedis;
// In-process cart-api apps for the e2e suites: the real AppModule and the
// same configureApp() as main.ts, listening on a free loopback port.
const testing_1 = require("@nestjs/testing");
const app_module_1 = require("../../apps/cart-api/src/app.module");
const app_setup_1 = require("../../apps/cart-api/src/app.setup");
const cart_repository_1 = require("../../apps/cart-api/src/cart/cart.repository");
const config_1 = require("../../apps/cart-api/src/config/config");
const wait_1 = require("../../apps/lab/src/util/wait");
const skip_1 = require("./skip");
exports.TEST_SECRET = 'e2e-secret-one';
/** Starts one app; `env` overrides the quiet test defaults. */
async function createTestApp(env = {}, opts = {}) {
    const config = (0, config_1.loadConfig)({ APP_NAME: 'test-app', LOG_LEVEL: 'silent', SESSION_SECRET: exports.TEST_SECRET, ...env });
    let builder = testing_1.Test.createTestingModule({ imports: [app_module_1.AppModule.forRoot(config)] });
    if (opts.limits)
        builder = builder.overrideProvider(cart_repository_1.CART_LIMITS).useValue(opts.limits);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    (0, app_setup_1.configureApp)(app);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
/**
 * Waits until /health/ready answers 200. A redis-store app boots without
 * waiting for Redis and answers 503 until its client has connected, so a
 * test that means to use Redis waits for this first.
 */
async function untilReady(t, timeoutMs = 5_000) {
    await (0, wait_1.waitFor)(`${t.url} ready`, async () => (await fetch(`${t.url}/health/ready`)).status === 200, { timeoutMs });
    return t;
}
/** A minimal cookie-following client over fetch, for tests that need many concurrent requests. */
class CookieClient {
    base;
    cookie = '';
    constructor(base) {
        this.base = base;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
    async request(method, path, body, base = this.base) {
        const headers = {};
        if (this.cookie)
            headers.cookie = this.cookie;
        if (body !== undefined)
            headers['content-type'] = 'application/json';
        const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        const setCookie = res.headers.get('set-cookie');
        if (setCookie)
            this.cookie = setCookie.split(';')[0];
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    }
}
exports.CookieClient = CookieClient;
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
function fireConcurrently(spec) {
    const { Worker } = require('node:worker_threads');
    return new Promise((resolve, reject) => {
        const worker = new Worker(FIRE_SCRIPT, { eval: true, workerData: spec });
        worker.once('message', (statuses) => {
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
function describeWithRedis() {
    const { findBinary } = require('../../apps/lab/src/util/find-binary');
    if (findBinary('redis-server'))
        return describe;
    (0, skip_1.noteSkip)('redis-store suites: redis-server is not installed (sudo apt-get install -y redis-server)');
    return describe.skip;
}
//# sourceMappingURL=cart-api.js.map