"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseRaw = parseRaw;
exports.rawRequest = rawRequest;
// One raw HTTP exchange over a fresh TCP connection: for requests a normal
// client refuses to send (broken request lines, lying Content-Length, huge
// URIs), and to see exactly what came back before the server closed.
const node_net_1 = require("node:net");
function parseRaw(text) {
    const [head, ...rest] = text.split('\r\n\r\n');
    const [statusLine, ...lines] = head.split('\r\n');
    const headers = {};
    for (const line of lines) {
        const at = line.indexOf(':');
        if (at > 0)
            headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
    return { text, status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body: rest.join('\r\n\r\n') };
}
/** A whole response with a Content-Length has arrived (the server may keep the socket open). */
function complete(text) {
    const end = text.indexOf('\r\n\r\n');
    if (end < 0)
        return false;
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end))?.[1];
    return length !== undefined && Buffer.byteLength(text.slice(end + 4)) >= Number(length);
}
/** Sends `request` as is; resolves once a whole response arrived, the server closes, or at the timeout, with what arrived. */
function rawRequest(url, request, o = {}) {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
        const sock = (0, node_net_1.connect)({ host: hostname, port: Number(port), localAddress: o.from }, () => sock.write(request));
        let reply = '';
        const done = () => {
            clearTimeout(timer);
            sock.destroy();
            resolve(parseRaw(reply));
        };
        const timer = setTimeout(done, o.timeoutMs ?? 5_000);
        sock.on('data', (d) => {
            reply += d.toString();
            if (complete(reply))
                done();
        });
        sock.on('end', done);
        sock.on('close', done);
        sock.on('error', (err) => (err.code === 'ECONNRESET' ? done() : reject(err)));
    });
}
//# sourceMappingURL=raw-http.js.map