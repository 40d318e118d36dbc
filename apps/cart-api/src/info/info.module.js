"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.InfoModule = void 0;
const common_1 = require("@nestjs/common");
const session_module_1 = require("../session/session.module");
const info_controller_1 = require("./info.controller");
let InfoModule = class InfoModule {
};
exports.InfoModule = InfoModule;
exports.InfoModule = InfoModule = __decorate([
    (0, common_1.Module)({ imports: [session_module_1.SessionModule], controllers: [info_controller_1.InfoController] })
], InfoModule);
//# sourceMappingURL=info.module.js.map