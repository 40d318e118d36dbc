"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ControlServer = void 0;
exports.startControlServer = startControlServer;
const node_http_1 = require("node:http");
const dashboard_1 = require("../dashboard");
const api_1 = require("./api");
const http_error_1 = require("../util/http-error");
const json_api_1 = require("../util/json-api");
const serial_1 = require("./serial");
/**
 * The lab's control server: `/api/*` acts on the topology the `up` process
 * owns; every other path goes to the dashboard. It listens before the
 * topology exists (answering 503 meanwhile), so a taken port fails fast.
 */
class ControlServer {
    server;
    host;
    ctx;
    closing = false;
    dashboard = null;
    startedAt = new Date().toISOString();
    constructor(server, host) {
        this.server = server;
        this.host = host;
    }
    static async listen({ port = 0, host = '127.0.0.1' } = {}) {
        const server = (0, node_http_1.createServer)();
        const control = new ControlServer(server, host);
        server.on('request', (req, res) => void control.handle(req, res));
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, host, () => {
                server.off('error', reject);
                resolve();
            });
        });
        return control;
    }
    get port() {
        return this.server.address().port;
    }
    get url() {
        return `http://${this.host}:${this.port}`;
    }
    get dashboardUrl() {
        return this.dashboard ? `${this.url}/` : null;
    }
    attach(topology, opts = {}) {
        this.dashboard = (0, dashboard_1.createDashboard)({ topology });
        this.ctx = {
            topology,
            serial: new serial_1.Serial(),
            meta: () => this.meta(),
            onChange: (status) => opts.onChange?.(status),
            onDown: () => opts.onDown?.(),
        };
        this.log = opts.log ?? (() => undefined);
    }
    meta() {
        return { control_url: this.url, dashboard_url: this.dashboardUrl, pid: process.pid, started_at: this.startedAt };
    }
    /**
     * Refuses further changes (503) and resolves once the one in progress, if
     * any, is done: tearing down under a replica that is still starting would
     * race the driver.
     */
    async quiesce() {
        this.closing = true;
        await this.ctx?.serial.run(async () => undefined);
    }
    async close() {
        await this.dashboard?.close();
        const closed = new Promise((resolve) => this.server.close(() => resolve()));
        this.server.closeAllConnections();
        await closed;
    }
    log = () => undefined;
    async handle(req, res) {
        const path = new URL(req.url ?? '/', 'http://control').pathname;
        try {
            if (path === '/api' || path.startsWith('/api/'))
                return await this.api(req, res, path);
            if (this.dashboard?.handle(req, res))
                return;
            throw new http_error_1.HttpError(404, `not found: ${path} (the control API is under /api/, e.g. GET /api/status)`);
        }
        catch (err) {
            this.fail(res, req, err);
        }
    }
    async api(req, res, path) {
        (0, json_api_1.checkLocalCaller)(req);
        if (!this.ctx)
            throw new http_error_1.HttpError(503, 'the lab is still starting; try again in a moment');
        if (this.closing && req.method === 'POST')
            throw new http_error_1.HttpError(503, 'the lab is shutting down');
        await (0, api_1.handleApi)(this.ctx, req, res, path);
        if (req.method === 'POST')
            this.log(`${req.method} ${path} -> ${res.statusCode}`);
    }
    fail(res, req, err) {
        const status = err instanceof http_error_1.HttpError ? err.status : 500;
        const message = err instanceof Error ? err.message : String(err);
        if (req.method === 'POST')
            this.log(`${req.method} ${req.url} -> ${status}: ${message}`);
        if (res.headersSent) {
            res.destroy();
            return;
        }
        (0, json_api_1.sendJson)(res, status, { error: message, ...(err instanceof http_error_1.HttpError ? err.extra : {}) });
    }
}
exports.ControlServer = ControlServer;
/** A started control server for an already started topology (tests, the dashboard's own suite). */
async function startControlServer(opts) {
    const control = await ControlServer.listen(opts);
    control.attach(opts.topology, opts);
    return control;
}
//# sourceMappingURL=server.js.map