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
Object.defineProperty(exports, "__esModule", { value: true });
exports.SetQtyDto = exports.AddItemDto = void 0;
const class_validator_1 = require("class-validator");
// With stopAtFirstError class-validator reports the bottom-most failing
// decorator first, so the type check sits last: "qty must be an integer
// number" beats "qty must not be greater than 99" for qty: "2".
class AddItemDto {
    sku;
    qty;
}
exports.AddItemDto = AddItemDto;
__decorate([
    (0, class_validator_1.Length)(1, 64),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], AddItemDto.prototype, "sku", void 0);
__decorate([
    (0, class_validator_1.Max)(99),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], AddItemDto.prototype, "qty", void 0);
class SetQtyDto {
    qty;
}
exports.SetQtyDto = SetQtyDto;
__decorate([
    (0, class_validator_1.Max)(99),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], SetQtyDto.prototype, "qty", void 0);
//# sourceMappingURL=cart.dto.js.map