"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendJson = sendJson;
exports.readJson = readJson;
exports.checkLocalCaller = checkLocalCaller;
const http_error_1 = require("./http-error");
const BODY_LIMIT = 64 * 1024;
function sendJson(res, status, body) {
    const text = JSON.stringify(body, null, 2) + '\n';
    res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-store',
    });
    res.end(text);
}
/** The request body as JSON; an empty body is `{}` so `curl -X POST` works. */
async function readJson(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > BODY_LIMIT)
            throw new http_error_1.HttpError(413, `request body larger than ${BODY_LIMIT} bytes`);
        chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8').trim();
    if (!text)
        return {};
    try {
        const value = JSON.parse(text);
        if (value && typeof value === 'object' && !Array.isArray(value))
            return value;
    }
    catch {
        // reported below
    }
    throw (0, http_error_1.badRequest)('request body must be a JSON object');
}
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
function isLoopbackHost(host) {
    const name = host.replace(/:\d+$/, '');
    return LOOPBACK_NAMES.includes(name);
}
/**
 * The API listens on loopback only, but a web page in the user's browser can
 * still send it requests (cross-site POST, DNS rebinding), and so can a page
 * served by any other local server (the shop page on :8080, a dev server).
 * Only requests whose Host is a loopback name, and whose Origin (when a
 * browser sends one) is this very server (a loopback name and the port the
 * request arrived on), may act on the lab.
 */
function checkLocalCaller(req) {
    const host = req.headers.host ?? '';
    if (!isLoopbackHost(host))
        throw new http_error_1.HttpError(403, `Host "${host}" refused: use http://127.0.0.1`);
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, req.socket.localPort)) {
        throw new http_error_1.HttpError(403, `cross-origin request from ${origin} refused: only the dashboard's own page may use this API`);
    }
}
function isOwnOrigin(origin, port) {
    const match = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):(\d+)$/.exec(origin);
    return !!match && port !== undefined && Number(match[2]) === port;
}
//# sourceMappingURL=json-api.js.map