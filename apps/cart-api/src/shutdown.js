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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.GracefulShutdown = exports.SHUTDOWN_SIGNALS = exports.HARD_LIMIT_MS = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const log_1 = require("./common/log");
const request_stats_1 = require("./common/request-stats");
const config_1 = require("./config/config");
/** Past this, connections still open are cut so the exit stays well inside Compose's 10 s. */
const DRAIN_LIMIT_MS = 5_000;
/** Past this, a shutdown hook that hangs is abandoned: exit 1 says the stop was forced. */
exports.HARD_LIMIT_MS = 8_000;
/** Signals that start a graceful stop (bootstrap passes them to enableShutdownHooks). */
exports.SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'];
/**
 * Nest owns the lifecycle: `enableShutdownHooks(SHUTDOWN_SIGNALS, { useProcessExit: true })`
 * runs the hooks, closes the HTTP server (Node lets in-flight requests finish
 * and closes idle keep-alive sockets) and the Redis client, then exits 0.
 * This provider adds what the framework does not: responses ask clients to
 * close their connection, connections still busy after DRAIN_LIMIT_MS are cut,
 * and a hook that hangs past HARD_LIMIT_MS ends the process with 1.
 */
let GracefulShutdown = class GracefulShutdown {
    adapter;
    stats;
    config;
    constructor(adapter, stats, config) {
        this.adapter = adapter;
        this.stats = stats;
        this.config = config;
    }
    beforeApplicationShutdown(signal) {
        if (!signal)
            return; // app.close() from a test, not a signal
        this.log(`received ${signal}, draining`);
        this.stats.draining = true;
        const server = this.adapter.httpAdapter?.getHttpServer();
        setTimeout(() => server?.closeAllConnections(), DRAIN_LIMIT_MS).unref();
        setTimeout(() => {
            (0, log_1.logError)({ replica: this.config.appName, msg: `shutdown did not finish within ${exports.HARD_LIMIT_MS} ms, exiting` });
            process.exit(1);
        }, exports.HARD_LIMIT_MS).unref();
        server?.closeIdleConnections();
    }
    onApplicationShutdown(signal) {
        if (signal)
            this.log('closed');
    }
    log(msg) {
        if (this.config.logLevel !== 'silent')
            (0, log_1.logInfo)({ replica: this.config.appName, msg });
    }
};
exports.GracefulShutdown = GracefulShutdown;
exports.GracefulShutdown = GracefulShutdown = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [core_1.HttpAdapterHost,
        request_stats_1.RequestStats, Object])
], GracefulShutdown);
//# sourceMappingURL=shutdown.js.map