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
exports.CartController = exports.BODY_PIPE = void 0;
const common_1 = require("@nestjs/common");
const cart_session_1 = require("../session/cart-session");
const cart_dto_1 = require("./cart.dto");
const cart_service_1 = require("./cart.service");
/**
 * Validation on the bodies only: a global pipe ran (and resolved its
 * metadata) for every parameter of every route, bodiless GETs included.
 */
exports.BODY_PIPE = new common_1.ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true });
let CartController = class CartController {
    cart;
    constructor(cart) {
        this.cart = cart;
    }
    get(session) {
        return this.cart.view(session);
    }
    add(session, dto) {
        return this.cart.add(session, dto.sku, dto.qty);
    }
    set(session, sku, dto) {
        return this.cart.set(session, sku, dto.qty);
    }
    remove(session, sku) {
        return this.cart.remove(session, sku);
    }
    clear(session) {
        return this.cart.clear(session);
    }
};
exports.CartController = CartController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, cart_session_1.Session)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], CartController.prototype, "get", null);
__decorate([
    (0, common_1.Post)('items'),
    __param(0, (0, cart_session_1.Session)()),
    __param(1, (0, common_1.Body)(exports.BODY_PIPE)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, cart_dto_1.AddItemDto]),
    __metadata("design:returntype", Promise)
], CartController.prototype, "add", null);
__decorate([
    (0, common_1.Patch)('items/:sku'),
    __param(0, (0, cart_session_1.Session)()),
    __param(1, (0, common_1.Param)('sku')),
    __param(2, (0, common_1.Body)(exports.BODY_PIPE)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, cart_dto_1.SetQtyDto]),
    __metadata("design:returntype", Promise)
], CartController.prototype, "set", null);
__decorate([
    (0, common_1.Delete)('items/:sku'),
    __param(0, (0, cart_session_1.Session)()),
    __param(1, (0, common_1.Param)('sku')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], CartController.prototype, "remove", null);
__decorate([
    (0, common_1.Delete)(),
    __param(0, (0, cart_session_1.Session)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], CartController.prototype, "clear", null);
exports.CartController = CartController = __decorate([
    (0, common_1.Controller)('cart'),
    __metadata("design:paramtypes", [cart_service_1.CartService])
], CartController);
//# sourceMappingURL=cart.controller.js.map