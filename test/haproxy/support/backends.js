"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Backends = void 0;
const named_servers_1 = require("../../support/named-servers");
/** Largest hold a request may ask for (`?hold=ms`): a test cannot park a backend forever. */
const MAX_HOLD_MS = 5_000;
/**
 * Small `node:http` backends standing in for replicas: each answers its name
 * in X-Served-By (health checks included), echoes what it saw, can hold a
 * request (`?hold=ms`) so that requests overlap, and counts the requests it
 * has in flight and the most it ever had.
 */
class Backends extends named_servers_1.NamedServers {
    inFlight = new Map();
    peak = new Map();
    /** Requests served per backend, health checks left out. */
    served = new Map();
    constructor() {
        super(5_000); // Node's default, as the service has it
    }
    static async start(names) {
        const b = new Backends();
        for (const name of names)
            await b.start(name);
        return b;
    }
    replicas(o = {}) {
        return this.names()
            .filter((n) => !o.only || o.only.includes(n))
            .map((name) => ({ name, host: '127.0.0.1', port: this.ports.get(name) ?? 0, down: o.down?.includes(name), drain: o.drain?.includes(name) }));
    }
    resetCounters() {
        for (const m of [this.peak, this.served])
            m.clear();
    }
    answer(name, req, res) {
        const url = new URL(req.url ?? '/', 'http://x');
        const counted = url.pathname !== '/health/ready';
        const hold = Math.min(Math.max(Number(url.searchParams.get('hold')) || 0, 0), MAX_HOLD_MS);
        if (counted) {
            const now = (this.inFlight.get(name) ?? 0) + 1;
            this.inFlight.set(name, now);
            this.peak.set(name, Math.max(now, this.peak.get(name) ?? 0));
            this.served.set(name, (this.served.get(name) ?? 0) + 1);
        }
        req.resume();
        req.on('end', () => {
            setTimeout(() => {
                if (counted)
                    this.inFlight.set(name, (this.inFlight.get(name) ?? 1) - 1);
                const body = { served_by: name, remote_address: req.socket.remoteAddress ?? '', headers: req.headers, url: req.url ?? '' };
                res.setHeader('X-Served-By', name);
                res.setHeader('Content-Type', 'application/json');
                res.end(JSON.stringify(body));
            }, hold);
        });
    }
}
exports.Backends = Backends;
//# sourceMappingURL=backends.js.map