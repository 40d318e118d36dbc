"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var CoreModule_1, AppModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AppModule = void 0;
const common_1 = require("@nestjs/common");
const cart_module_1 = require("./cart/cart.module");
const catalog_module_1 = require("./catalog/catalog.module");
const request_stats_1 = require("./common/request-stats");
const config_1 = require("./config/config");
const health_module_1 = require("./health/health.module");
const info_module_1 = require("./info/info.module");
const session_module_1 = require("./session/session.module");
const shutdown_1 = require("./shutdown");
const ui_module_1 = require("./ui/ui.module");
/** Config and request counters, visible to every feature module. */
let CoreModule = CoreModule_1 = class CoreModule {
    static forRoot(config) {
        const providers = [{ provide: config_1.APP_CONFIG, useValue: config }, { provide: request_stats_1.RequestStats, useValue: new request_stats_1.RequestStats() }];
        return { module: CoreModule_1, providers: [...providers, shutdown_1.GracefulShutdown], exports: providers };
    }
};
CoreModule = CoreModule_1 = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({})
], CoreModule);
let AppModule = AppModule_1 = class AppModule {
    static forRoot(config) {
        return {
            module: AppModule_1,
            imports: [CoreModule.forRoot(config), session_module_1.SessionModule, info_module_1.InfoModule, catalog_module_1.CatalogModule, cart_module_1.CartModule, health_module_1.HealthModule, ui_module_1.UiModule],
        };
    }
};
exports.AppModule = AppModule;
exports.AppModule = AppModule = AppModule_1 = __decorate([
    (0, common_1.Module)({})
], AppModule);
//# sourceMappingURL=app.module.js.map