"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CartModule = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("../config/config");
const session_backend_1 = require("../session/session-backend");
const session_module_1 = require("../session/session.module");
const cart_controller_1 = require("./cart.controller");
const cart_repository_1 = require("./cart.repository");
const cart_service_1 = require("./cart.service");
const memory_cart_repository_1 = require("./memory-cart.repository");
const redis_cart_repository_1 = require("./redis-cart.repository");
function createCartRepository(config, backend, limits) {
    if (backend.redis)
        return new redis_cart_repository_1.RedisCartRepository(backend.redis, config.sessionTtlSeconds, limits);
    const repo = new memory_cart_repository_1.MemoryCartRepository(limits);
    backend.onSessionGone((sid) => repo.delete(sid));
    return repo;
}
let CartModule = class CartModule {
};
exports.CartModule = CartModule;
exports.CartModule = CartModule = __decorate([
    (0, common_1.Module)({
        imports: [session_module_1.SessionModule],
        controllers: [cart_controller_1.CartController],
        providers: [
            cart_service_1.CartService,
            { provide: cart_repository_1.CART_LIMITS, useValue: cart_repository_1.DEFAULT_CART_LIMITS },
            {
                provide: cart_repository_1.CART_REPOSITORY,
                inject: [config_1.APP_CONFIG, session_backend_1.SESSION_BACKEND, cart_repository_1.CART_LIMITS],
                useFactory: createCartRepository,
            },
        ],
    })
], CartModule);
//# sourceMappingURL=cart.module.js.map