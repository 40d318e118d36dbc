"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.refuseOversizedContinue = refuseOversizedContinue;
/**
 * `Expect: 100-continue`: Node answers `100 Continue` to any size by default,
 * then the body parser refuses it only after the client sent it. A declared
 * Content-Length over the body limit gets an immediate 413 instead, and the
 * connection is closed so the body is never read.
 */
function refuseOversizedContinue(server, limitBytes, replica) {
    server.on('checkContinue', (req, res) => {
        const length = Number(req.headers['content-length']);
        if (Number.isFinite(length) && length > limitBytes) {
            const body = JSON.stringify({ statusCode: 413, error: 'Payload Too Large', message: 'request entity too large' });
            res.writeHead(413, {
                'Content-Type': 'application/json; charset=utf-8',
                'Content-Length': Buffer.byteLength(body),
                'X-Served-By': replica,
                Connection: 'close',
            });
            res.end(body);
            return;
        }
        res.writeContinue();
        server.emit('request', req, res);
    });
}
//# sourceMappingURL=expect-continue.js.map