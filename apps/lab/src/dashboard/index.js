"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createDashboard = createDashboard;
const http_error_1 = require("../util/http-error");
const json_api_1 = require("../util/json-api");
const page_1 = require("./assets/page");
const fleet_1 = require("./fleet");
const state_1 = require("./state");
function createDashboard(ctx) {
    return new LabDashboard(ctx);
}
class LabDashboard {
    ctx;
    fleet;
    /** The clients start with the first page view, not with the lab. */
    fleetTouched = false;
    closed = false;
    pending;
    routes;
    constructor(ctx) {
        this.ctx = ctx;
        this.fleet = new fleet_1.Fleet({ ...ctx.fleet, url: ctx.topology.url });
        this.routes = {
            'GET /': (_req, res) => this.page(res),
            'GET /index.html': (_req, res) => this.page(res),
            'GET /favicon.ico': (_req, res) => void res.writeHead(204).end(),
            'GET /dash/state': (_req, res) => this.state(res),
            'POST /dash/clients': (req, res) => this.clients(req, res),
        };
    }
    handle(req, res) {
        const path = new URL(req.url ?? '/', 'http://dashboard').pathname;
        const route = this.routes[`${req.method === 'HEAD' ? 'GET' : req.method} ${path}`];
        if (!route)
            return false;
        Promise.resolve()
            .then(() => route(req, res))
            .catch((err) => fail(res, err));
        return true;
    }
    async close() {
        this.closed = true;
        this.fleet.close();
    }
    page(res) {
        res.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-cache',
            'content-security-policy': page_1.DASHBOARD_CSP,
            'x-content-type-options': 'nosniff',
            'referrer-policy': 'no-referrer',
        });
        res.end(page_1.DASHBOARD_HTML);
    }
    async state(res) {
        if (!this.fleetTouched && !this.closed) {
            this.fleetTouched = true;
            this.fleet.start();
        }
        // Several tabs polling at once share one round of /stats reads.
        this.pending ??= (0, state_1.dashState)(this.ctx.topology, this.fleet.snapshot()).finally(() => (this.pending = undefined));
        (0, json_api_1.sendJson)(res, 200, await this.pending);
    }
    /** {running?: boolean, sameNat?: boolean, reset?: true}: pause, NAT switch, fresh clients. */
    async clients(req, res) {
        (0, json_api_1.checkLocalCaller)(req);
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
            throw new http_error_1.HttpError(415, 'send a JSON body with content-type application/json');
        }
        const body = await (0, json_api_1.readJson)(req);
        for (const key of ['running', 'sameNat', 'reset']) {
            if (body[key] !== undefined && typeof body[key] !== 'boolean')
                throw new http_error_1.HttpError(400, `"${key}" must be true or false`);
        }
        if (this.closed)
            throw new http_error_1.HttpError(503, 'the dashboard is closing');
        this.fleetTouched = true;
        const snap = this.fleet.snapshot();
        const sameNat = body.sameNat ?? snap.sameNat;
        if (body.reset === true || sameNat !== snap.sameNat)
            this.fleet.start(sameNat);
        if (body.running === false)
            this.fleet.pause();
        else if (body.running === true && !this.fleet.isRunning)
            this.fleet.resume();
        (0, json_api_1.sendJson)(res, 200, this.fleet.snapshot());
    }
}
function fail(res, err) {
    const status = err instanceof http_error_1.HttpError ? err.status : 500;
    if (res.headersSent) {
        res.destroy();
        return;
    }
    (0, json_api_1.sendJson)(res, status, { error: err instanceof Error ? err.message : String(err) });
}
//# sourceMappingURL=index.js.map