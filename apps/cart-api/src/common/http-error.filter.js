"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.HttpErrorFilter = exports.RetryLaterException = void 0;
exports.toErrorBody = toErrorBody;
const common_1 = require("@nestjs/common");
const node_http_1 = require("node:http");
const log_1 = require("./log");
/** A 503 that tells the client when to come back (`Retry-After`, seconds). */
class RetryLaterException extends common_1.ServiceUnavailableException {
    retryAfterSeconds;
    constructor(message, retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
exports.RetryLaterException = RetryLaterException;
function messageOf(value, fallback) {
    if (Array.isArray(value))
        return value.join('; ');
    return typeof value === 'string' && value ? value : fallback;
}
/** Nest's HttpException, or an http-errors error (body-parser) with a 4xx/5xx status. */
function toErrorBody(err) {
    if (err instanceof common_1.HttpException) {
        const statusCode = err.getStatus();
        const error = node_http_1.STATUS_CODES[statusCode] ?? 'Error';
        const response = err.getResponse();
        const raw = typeof response === 'object' && response ? response.message : response;
        return { statusCode, error, message: messageOf(raw, error) };
    }
    const e = err;
    const status = Number(e?.status ?? e?.statusCode);
    if (Number.isInteger(status) && status >= 400 && status < 600 && e.expose !== false) {
        const error = node_http_1.STATUS_CODES[status] ?? 'Error';
        return { statusCode: status, error, message: messageOf(e.message, error) };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'internal server error' };
}
/** An error the service answers on purpose (4xx, a 503 from a store outage): no stack trace. */
function expected(err, body) {
    return body.statusCode !== 500 || err instanceof common_1.HttpException;
}
/** Every error body is `{statusCode, error, message}`; no stack traces leave the process. */
let HttpErrorFilter = class HttpErrorFilter {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    catch(err, host) {
        const req = host.switchToHttp().getRequest();
        const res = host.switchToHttp().getResponse();
        const body = (err instanceof common_1.NotFoundException && this.methodNotAllowed(req, res)) || toErrorBody(err);
        if (body.statusCode >= 500 && this.opts.logErrors)
            this.log(err, body, req);
        if (res.headersSent)
            return;
        if (err instanceof RetryLaterException)
            res.setHeader('Retry-After', String(err.retryAfterSeconds));
        res.status(body.statusCode).json(body);
    }
    /** Nest answers an unrouted request 404; when the path exists under other methods it is a 405. */
    methodNotAllowed(req, res) {
        if (req.route || !this.opts.allowedMethods)
            return null;
        const allow = this.opts.allowedMethods(req.path);
        if (allow.length === 0 || allow.includes(req.method))
            return null;
        res.setHeader('Allow', allow.join(', '));
        return { statusCode: 405, error: 'Method Not Allowed', message: `${req.method} is not allowed on ${req.path}; allowed: ${allow.join(', ')}` };
    }
    /** One JSON line per error; the stack only for what nobody expected (a bug). */
    log(err, body, req) {
        const line = {
            replica: this.opts.replica,
            level: 'error',
            method: req.method,
            path: req.path,
            status: body.statusCode,
            error: err instanceof Error ? err.message : String(err),
        };
        if (!expected(err, body))
            line.stack = err?.stack;
        (0, log_1.logError)(line);
    }
};
exports.HttpErrorFilter = HttpErrorFilter;
exports.HttpErrorFilter = HttpErrorFilter = __decorate([
    (0, common_1.Catch)(),
    __metadata("design:paramtypes", [Object])
], HttpErrorFilter);
//# sourceMappingURL=http-error.filter.js.map