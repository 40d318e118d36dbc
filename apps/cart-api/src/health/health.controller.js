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
exports.HealthController = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("../config/config");
const session_backend_1 = require("../session/session-backend");
let HealthController = class HealthController {
    backend;
    config;
    constructor(backend, config) {
        this.backend = backend;
        this.config = config;
    }
    /** The process runs and answers; says nothing about the store. */
    live() {
        return { status: 'ok' };
    }
    /** It can serve sessions: with redis, Redis answers a PING in time. */
    async ready() {
        if (!(await this.backend.ready())) {
            throw new common_1.ServiceUnavailableException(`session store ${this.backend.kind} not ready`);
        }
        const body = { status: 'ok', session_store: this.backend.kind };
        if (this.config.instanceId)
            body.instance = this.config.instanceId;
        return body;
    }
};
exports.HealthController = HealthController;
__decorate([
    (0, common_1.Get)('live'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], HealthController.prototype, "live", null);
__decorate([
    (0, common_1.Get)('ready'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], HealthController.prototype, "ready", null);
exports.HealthController = HealthController = __decorate([
    (0, common_1.Controller)('health'),
    __param(0, (0, common_1.Inject)(session_backend_1.SESSION_BACKEND)),
    __param(1, (0, common_1.Inject)(config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object, Object])
], HealthController);
//# sourceMappingURL=health.controller.js.map