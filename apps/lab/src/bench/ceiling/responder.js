"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The ceiling: the least work node can do to answer one JSON request. Every
// other case is measured against what this machine does here.
const node_http_1 = require("node:http");
const name = process.env.APP_NAME ?? 'ceiling';
const body = JSON.stringify({ served_by: name, items: [], item_count: 0, total_cents: 0 });
(0, node_http_1.createServer)((_req, res) => {
    res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'x-served-by': name,
    });
    res.end(body);
}).listen(Number(process.env.PORT ?? 8000), process.env.HOST ?? '127.0.0.1');
//# sourceMappingURL=responder.js.map