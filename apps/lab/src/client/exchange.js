"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExchangeError = void 0;
exports.exchange = exchange;
// One HTTP exchange with enough bookkeeping to classify its failure:
// whether the request may have reached the server (`sent`), and whether it
// went out on a reused keep-alive socket (`reused`).
const node_http_1 = require("node:http");
class ExchangeError extends Error {
    code;
    sent;
    reused;
    gotResponse;
    constructor(code, message, 
    /** A connection was established: the server may have seen the request. */
    sent, reused, gotResponse) {
        super(message);
        this.code = code;
        this.sent = sent;
        this.reused = reused;
        this.gotResponse = gotResponse;
    }
}
exports.ExchangeError = ExchangeError;
function exchange(r) {
    return new Promise((resolve, reject) => {
        let sent = false;
        let gotResponse = false;
        const req = (0, node_http_1.request)({
            host: r.url.hostname,
            port: r.url.port,
            path: r.url.pathname + r.url.search,
            method: r.method,
            headers: r.headers,
            agent: r.agent,
            localAddress: r.localAddress,
        });
        const timer = setTimeout(() => {
            const err = Object.assign(new Error(`no answer within ${r.timeoutMs} ms`), { code: 'ETIMEDOUT' });
            req.destroy(err);
        }, r.timeoutMs);
        const fail = (err) => {
            clearTimeout(timer);
            const code = err.code ?? 'EUNKNOWN';
            reject(new ExchangeError(code, `${code}: ${err.message}`, sent, req.reusedSocket, gotResponse));
        };
        req.on('socket', (s) => {
            if (s.connecting)
                s.once('connect', () => (sent = true));
            else
                sent = true;
        });
        req.on('error', fail);
        req.on('response', (res) => {
            gotResponse = true;
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', fail);
            res.on('end', () => {
                clearTimeout(timer);
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() });
            });
        });
        req.end(r.body);
    });
}
//# sourceMappingURL=exchange.js.map