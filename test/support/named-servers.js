"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NamedServers = void 0;
const node_http_1 = require("node:http");
/**
 * Small `node:http` servers, one per replica name, that a balancer test can
 * stop (a refused port) and start again on the same port. What a server
 * answers, and how long it keeps idle connections, is the subclass's.
 */
class NamedServers {
    keepAliveTimeoutMs;
    servers = new Map();
    ports = new Map();
    sockets = new Map();
    /** @param keepAliveTimeoutMs how long a server keeps an idle connection open */
    constructor(keepAliveTimeoutMs) {
        this.keepAliveTimeoutMs = keepAliveTimeoutMs;
    }
    /** Starts `name` (again, on its old port when it had one). */
    async start(name) {
        const server = (0, node_http_1.createServer)((req, res) => this.answer(name, req, res));
        server.keepAliveTimeout = this.keepAliveTimeoutMs;
        const open = new Set();
        server.on('connection', (socket) => {
            open.add(socket);
            socket.on('close', () => open.delete(socket));
        });
        this.sockets.set(name, open);
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(this.ports.get(name) ?? 0, '127.0.0.1', () => resolve());
        });
        const addr = server.address();
        if (typeof addr === 'object' && addr)
            this.ports.set(name, addr.port);
        this.servers.set(name, server);
    }
    /** Closes the listener and every connection (the balancer's idle ones too): a refused port from now on. */
    async stop(name) {
        const server = this.servers.get(name);
        if (!server)
            return;
        this.servers.delete(name);
        const closed = new Promise((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
    }
    /** Connections currently open to `name` (the balancer's idle pool included). */
    openConnections(name) {
        return this.sockets.get(name)?.size ?? 0;
    }
    /** Every name ever started, in start order. */
    names() {
        return [...this.ports.keys()];
    }
    async close() {
        await Promise.all([...this.servers.keys()].map((n) => this.stop(n)));
    }
}
exports.NamedServers = NamedServers;
//# sourceMappingURL=named-servers.js.map