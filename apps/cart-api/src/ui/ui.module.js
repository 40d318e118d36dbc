"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UiModule = void 0;
const common_1 = require("@nestjs/common");
const ui_controller_1 = require("./ui.controller");
// Serves the shop page at /ui/: static HTML, CSS and a script written in
// TypeScript (type-checked by the normal build, served as its compiled source;
// no bundler, no build step of its own).
let UiModule = class UiModule {
};
exports.UiModule = UiModule;
exports.UiModule = UiModule = __decorate([
    (0, common_1.Module)({ controllers: [ui_controller_1.UiController] })
], UiModule);
//# sourceMappingURL=ui.module.js.map