"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EchoReplicas = void 0;
const named_servers_1 = require("../named-servers");
/**
 * Tiny `node:http` stand-ins for cart-api replicas (`X-Served-By: appN` plus
 * an echo of the request), to test nginx itself without building the service.
 */
class EchoReplicas extends named_servers_1.NamedServers {
    constructor() {
        // Far above nginx's upstream keepalive_timeout: an idle connection that
        // closes was closed by nginx, which is what the keepalive test checks.
        super(60_000);
    }
    static async start(names) {
        const replicas = new EchoReplicas();
        for (const name of names)
            await replicas.start(name);
        return replicas;
    }
    /** The upstream list for renderNginx (every replica ever started). */
    replicas(down = []) {
        return this.names().map((name) => ({ name, host: '127.0.0.1', port: this.ports.get(name) ?? 0, down: down.includes(name) }));
    }
    answer(name, req, res) {
        echo(name, req, res);
    }
}
exports.EchoReplicas = EchoReplicas;
function echo(name, req, res) {
    req.resume();
    req.on('end', () => {
        const body = { served_by: name, remote_address: req.socket.remoteAddress ?? '', remote_port: req.socket.remotePort ?? 0, headers: req.headers, url: req.url ?? '' };
        res.setHeader('X-Served-By', name);
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(body));
    });
}
//# sourceMappingURL=echo-replicas.js.map