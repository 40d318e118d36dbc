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
exports.InfoController = void 0;
const common_1 = require("@nestjs/common");
const request_stats_1 = require("../common/request-stats");
const config_1 = require("../config/config");
const session_backend_1 = require("../session/session-backend");
let InfoController = class InfoController {
    config;
    backend;
    stats;
    constructor(config, backend, stats) {
        this.config = config;
        this.backend = backend;
        this.stats = stats;
    }
    /** Who answered, and the client address as this replica sees it (through trusted proxies). */
    whoami(req) {
        return {
            app_name: this.config.appName,
            process_id: process.pid,
            client_ip: req.ip ?? null,
            session_store: this.config.sessionStore,
            message: `Hello from ${this.config.appName}`,
        };
    }
    statsBody() {
        return {
            app_name: this.config.appName,
            session_store: this.config.sessionStore,
            sessions: this.backend.sessionsInMemory(),
            requests_served: this.stats.served,
            rss_bytes: process.memoryUsage.rss(),
            uptime_s: Math.round((Date.now() - this.stats.startedAt) / 100) / 10,
        };
    }
};
exports.InfoController = InfoController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Object)
], InfoController.prototype, "whoami", null);
__decorate([
    (0, common_1.Get)('stats'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], InfoController.prototype, "statsBody", null);
exports.InfoController = InfoController = __decorate([
    (0, common_1.Controller)(),
    __param(0, (0, common_1.Inject)(config_1.APP_CONFIG)),
    __param(1, (0, common_1.Inject)(session_backend_1.SESSION_BACKEND)),
    __metadata("design:paramtypes", [Object, Object, request_stats_1.RequestStats])
], InfoController);
//# sourceMappingURL=info.controller.js.map