"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.httpGet = httpGet;
exports.httpStatus = httpStatus;
exports.httpJson = httpJson;
exports.fetchGenerationAt = fetchGenerationAt;
// The lab's one HTTP probe: a GET that never throws, reads a bounded body and
// answers status 0 when nothing answered in time.
const node_http_1 = require("node:http");
/** A bounded body cap: a probe reads small answers, never a stranger's stream. */
const BODY_LIMIT = 64_000;
function httpGet(url, opts = {}) {
    const { timeoutMs = 1_000, localAddress } = opts;
    return new Promise((resolve) => {
        const req = (0, node_http_1.get)(url, { agent: false, timeout: timeoutMs, localAddress }, (res) => {
            let text = '';
            const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
            res.on('data', (d) => {
                text += d.toString();
                if (text.length > BODY_LIMIT)
                    res.destroy();
            });
            res.on('end', done);
            res.on('error', () => resolve({ status: 0, headers: {}, text: '' }));
            res.on('close', done);
        });
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve({ status: 0, headers: {}, text: '' }));
    });
}
/** Status code of a GET, or 0 when nothing answered within timeoutMs. Never throws. */
async function httpStatus(url, timeoutMs = 1_000) {
    return (await httpGet(url, { timeoutMs })).status;
}
/** Status and parsed JSON body (undefined when not JSON) of a GET; status 0 when nothing answered. Never throws. */
async function httpJson(url, timeoutMs = 1_000) {
    const { status, text } = await httpGet(url, { timeoutMs });
    return status === 0 ? { status } : { status, body: parse(text) };
}
/** Body of a balancer's GET /__lab/generation (its config generation), or null when it does not answer (yet). */
async function fetchGenerationAt(host, port, timeoutMs = 1_000) {
    const name = host.includes(':') ? `[${host}]` : host;
    const { status, text } = await httpGet(`http://${name}:${port}/__lab/generation`, { timeoutMs });
    return status === 200 ? text.trim() : null;
}
function parse(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=http.js.map