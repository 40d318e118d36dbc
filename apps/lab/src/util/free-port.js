"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.freePort = freePort;
const node_net_1 = require("node:net");
/** A port the kernel just handed out on `host`; free at the time of the call. */
function freePort(host = '127.0.0.1') {
    return new Promise((resolve, reject) => {
        const srv = (0, node_net_1.createServer)();
        srv.unref();
        srv.once('error', reject);
        srv.listen(0, host, () => {
            const addr = srv.address();
            const port = typeof addr === 'object' && addr ? addr.port : 0;
            srv.close(() => resolve(port));
        });
    });
}
//# sourceMappingURL=free-port.js.map