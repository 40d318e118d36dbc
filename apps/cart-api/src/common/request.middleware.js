"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestMiddleware = requestMiddleware;
const log_1 = require("./log");
/**
 * First middleware of the app: tags every response (errors and 404s too) with
 * the replica name, counts it (but not GET /stats), and writes one JSON log line when it finishes.
 */
function requestMiddleware(config, stats) {
    const log = config.logLevel !== 'silent';
    const replica = config.appName;
    return (req, res, next) => {
        // Reading the counters is not traffic: the dashboard polls /stats every second.
        if (req.path !== '/stats')
            stats.served++;
        res.setHeader('X-Served-By', replica);
        if (stats.draining)
            res.setHeader('Connection', 'close');
        if (log) {
            const start = process.hrtime.bigint();
            res.once('finish', () => {
                const duration_ms = Number(process.hrtime.bigint() - start) / 1e6;
                (0, log_1.logInfo)({
                    replica,
                    method: req.method,
                    path: req.originalUrl.split('?')[0],
                    status: res.statusCode,
                    duration_ms: Math.round(duration_ms * 100) / 100,
                });
            });
        }
        next();
    };
}
//# sourceMappingURL=request.middleware.js.map