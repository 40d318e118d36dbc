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
exports.SessionModule = exports.SESSION_MIDDLEWARE = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("../config/config");
const session_backend_1 = require("./session-backend");
const session_middleware_1 = require("./session.middleware");
exports.SESSION_MIDDLEWARE = Symbol('SESSION_MIDDLEWARE');
let SessionModule = class SessionModule {
    backend;
    constructor(backend) {
        this.backend = backend;
    }
    async onApplicationShutdown() {
        await this.backend.close();
    }
};
exports.SessionModule = SessionModule;
exports.SessionModule = SessionModule = __decorate([
    (0, common_1.Module)({
        providers: [
            { provide: session_backend_1.SESSION_BACKEND, inject: [config_1.APP_CONFIG], useFactory: session_backend_1.createSessionBackend },
            {
                provide: exports.SESSION_MIDDLEWARE,
                inject: [config_1.APP_CONFIG, session_backend_1.SESSION_BACKEND],
                useFactory: session_middleware_1.sessionMiddleware,
            },
        ],
        exports: [session_backend_1.SESSION_BACKEND, exports.SESSION_MIDDLEWARE],
    }),
    __param(0, (0, common_1.Inject)(session_backend_1.SESSION_BACKEND)),
    __metadata("design:paramtypes", [Object])
], SessionModule);
//# sourceMappingURL=session.module.js.map