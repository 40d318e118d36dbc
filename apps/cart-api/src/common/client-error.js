"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.answerClientErrors = answerClientErrors;
/**
 * Requests Node's HTTP parser rejects never reach Express; answer them in the
 * same JSON error shape, with X-Served-By, instead of Node's bare 400.
 */
function answerClientErrors(server, replica) {
    server.on('clientError', (err, socket) => {
        if (err.code === 'ECONNRESET' || !socket.writable) {
            socket.destroy();
            return;
        }
        const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
        const statusCode = tooLarge ? 431 : 400;
        const error = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
        const message = tooLarge ? 'request headers too large' : 'malformed HTTP request';
        const body = JSON.stringify({ statusCode, error, message });
        socket.end(`HTTP/1.1 ${statusCode} ${error}\r\nContent-Type: application/json; charset=utf-8\r\n` +
            `X-Served-By: ${replica}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
}
//# sourceMappingURL=client-error.js.map