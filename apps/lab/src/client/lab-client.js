"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LabClient = void 0;
// A lab user: own cookie jar, own keep-alive agent, optional source address
// (so nginx sees it as a distinct $remote_addr), every call recorded.
const node_http_1 = require("node:http");
const cookie_jar_1 = require("./cookie-jar");
const exchange_1 = require("./exchange");
const history_1 = require("./history");
const outcome_1 = require("./outcome");
const RETRYABLE_ON_REUSED_SOCKET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
class LabClient {
    name;
    baseUrl;
    sourceAddress;
    history;
    timeoutMs;
    jar = new cookie_jar_1.CookieJar();
    agent = new node_http_1.Agent({ keepAlive: true, maxSockets: 4 });
    constructor(opts) {
        this.name = opts.name;
        this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
        this.sourceAddress = opts.sourceAddress;
        this.history = opts.history ?? new history_1.History();
        this.timeoutMs = opts.timeoutMs ?? 5_000;
    }
    root() {
        return this.call('root', 'GET', '/');
    }
    products() {
        return this.call('products', 'GET', '/products');
    }
    getCart() {
        return this.call('getCart', 'GET', '/cart');
    }
    addItem(sku, qty = 1) {
        return this.call('addItem', 'POST', '/cart/items', { sku, qty });
    }
    setQty(sku, qty) {
        return this.call('setQty', 'PATCH', `/cart/items/${encodeURIComponent(sku)}`, { qty }, { sku, qty });
    }
    removeItem(sku) {
        return this.call('removeItem', 'DELETE', `/cart/items/${encodeURIComponent(sku)}`, undefined, { sku });
    }
    clearCart() {
        return this.call('clearCart', 'DELETE', '/cart');
    }
    request(method, path, body) {
        return this.call('request', method.toUpperCase(), path, body);
    }
    cookies() {
        return this.jar.all();
    }
    /** Forge or replace a cookie (e.g. a `route` value the balancer never issued). */
    setCookie(name, value) {
        this.jar.set(name, value);
    }
    clearCookies() {
        for (const name of Object.keys(this.jar.all()))
            this.jar.delete(name);
    }
    /** Closes kept-alive sockets so the process can exit. */
    close() {
        this.agent.destroy();
    }
    async call(op, method, path, body, recorded = body) {
        const startedAt = (0, history_1.now)();
        const base = { client: this.name, op, method, path, body: recorded, startedAt };
        let retried = false;
        for (;;) {
            try {
                const res = await this.send(method, path, body);
                return this.finish(base, res, retried);
            }
            catch (err) {
                const e = err;
                // The server closed an idle keep-alive socket (nginx reload, idle
                // timeout) as we wrote on it: nothing was processed, so browsers and
                // Node's own docs retry exactly once on a fresh connection.
                if (!retried && e.reused && !e.gotResponse && RETRYABLE_ON_REUSED_SOCKET.has(e.code)) {
                    retried = true;
                    continue;
                }
                return this.failed(base, e, retried);
            }
        }
    }
    send(method, path, body) {
        const headers = { accept: 'application/json' };
        const cookie = this.jar.header();
        if (cookie)
            headers.cookie = cookie;
        const payload = body === undefined ? undefined : JSON.stringify(body);
        if (payload !== undefined)
            headers['content-type'] = 'application/json';
        return (0, exchange_1.exchange)({
            url: new URL(this.baseUrl + path),
            method,
            headers,
            body: payload,
            agent: this.agent,
            localAddress: this.sourceAddress,
            timeoutMs: this.timeoutMs,
        });
    }
    finish(base, res, retried) {
        this.jar.absorb(res.headers['set-cookie']);
        const parsed = parseJson(res.body);
        const servedBy = headerValue(res.headers['x-served-by']) ?? servedByOf(parsed);
        const outcome = (0, outcome_1.outcomeOfStatus)(base.method, res.status);
        const entry = {
            ...base,
            status: res.status,
            servedBy,
            cart: cartOf(parsed),
            ...sessionStatusOf(res.headers['x-session-status']),
            outcome,
            error: outcome === 'ok' ? undefined : errorText(res.status, parsed, res.body),
            retried: retried || undefined,
            endedAt: (0, history_1.now)(),
        };
        this.history.record(entry);
        return { outcome, ok: outcome === 'ok', status: res.status, servedBy, body: parsed, error: entry.error, entry };
    }
    failed(base, err, retried) {
        // Anything but an ExchangeError was thrown before a request existed (a bad URL, say).
        const sent = err instanceof exchange_1.ExchangeError ? err.sent : false;
        const outcome = (0, outcome_1.outcomeOfError)(base.method, sent);
        const entry = { ...base, outcome, error: err.message, retried: retried || undefined, endedAt: (0, history_1.now)() };
        this.history.record(entry);
        return { outcome, ok: false, error: err.message, entry };
    }
}
exports.LabClient = LabClient;
function parseJson(text) {
    try {
        return text ? JSON.parse(text) : undefined;
    }
    catch {
        return undefined;
    }
}
function headerValue(v) {
    return Array.isArray(v) ? v[0] : v;
}
function sessionStatusOf(v) {
    const value = headerValue(v);
    return value ? { sessionStatus: value } : {};
}
function servedByOf(body) {
    const b = body;
    const v = b?.served_by ?? b?.app_name;
    return typeof v === 'string' ? v : undefined;
}
function cartOf(body) {
    const b = body;
    if (!b || !Array.isArray(b.items) || typeof b.item_count !== 'number')
        return undefined;
    return { items: b.items, item_count: b.item_count };
}
function errorText(status, parsed, raw) {
    const msg = parsed?.message;
    const detail = typeof msg === 'string' ? msg : Array.isArray(msg) ? msg.join('; ') : raw.slice(0, 120).trim();
    return `HTTP ${status}${detail ? `: ${detail}` : ''}`;
}
//# sourceMappingURL=lab-client.js.map