"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.probe = probe;
exports.many = many;
exports.routeCookie = routeCookie;
exports.pool = pool;
// Request helpers shared by the nginx and HAProxy fixtures: one request from a
// chosen source address, and the distribution of many.
const node_http_1 = require("node:http");
/** One request on a fresh connection, from a chosen loopback source address. */
function probe(url, o = {}) {
    const timeoutMs = o.timeoutMs ?? 15_000;
    return new Promise((resolve, reject) => {
        const req = (0, node_http_1.request)(url, { method: o.method ?? 'GET', headers: o.headers, localAddress: o.from, agent: false, timeout: timeoutMs }, (res) => {
            let body = '';
            res.on('data', (d) => (body += d.toString()));
            res.on('end', () => resolve({
                status: res.statusCode ?? 0,
                servedBy: String(res.headers['x-served-by'] ?? ''),
                setCookie: res.headers['set-cookie'] ?? [],
                contentType: String(res.headers['content-type'] ?? ''),
                body,
            }));
        });
        req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end();
    });
}
/** `count` sequential requests: a whole distribution in one value, like nginx-tests' many('/', 30). */
async function many(url, count, o = {}) {
    const tally = {};
    for (let i = 0; i < count; i++) {
        const r = await probe(url, o);
        const key = r.status === 200 ? r.servedBy : String(r.status);
        tally[key] = (tally[key] ?? 0) + 1;
    }
    return tally;
}
/** The `route` cookie value a response sets, if any. */
function routeCookie(r) {
    for (const c of r.setCookie) {
        const m = /^route=([^;]*)/.exec(c);
        if (m)
            return m[1];
    }
    return undefined;
}
/** Runs `fn` over `items` with at most `limit` at once, keeping the order of results. */
async function pool(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
//# sourceMappingURL=probe.js.map