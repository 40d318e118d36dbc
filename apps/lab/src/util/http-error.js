"use strict";
// Errors a local JSON API (the control server, the dashboard) turns into a
// status code and a JSON body; anything else a handler throws is a topology
// error (500 with its message).
Object.defineProperty(exports, "__esModule", { value: true });
exports.badRequest = exports.conflict = exports.notFound = exports.HttpError = void 0;
class HttpError extends Error {
    status;
    extra;
    constructor(status, message, extra = {}) {
        super(message);
        this.status = status;
        this.extra = extra;
    }
}
exports.HttpError = HttpError;
const notFound = (message, extra) => new HttpError(404, message, extra);
exports.notFound = notFound;
const conflict = (message) => new HttpError(409, message);
exports.conflict = conflict;
const badRequest = (message) => new HttpError(400, message);
exports.badRequest = badRequest;
//# sourceMappingURL=http-error.js.map