"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionGoneError = exports.LineNotFoundError = exports.CartLimitError = exports.CART_REPOSITORY = exports.CART_LIMITS = exports.DEFAULT_CART_LIMITS = void 0;
exports.tooManyLines = tooManyLines;
exports.qtyTooLarge = qtyTooLarge;
exports.DEFAULT_CART_LIMITS = Object.freeze({ maxQty: 99, maxLines: 50 });
exports.CART_LIMITS = Symbol('CART_LIMITS');
exports.CART_REPOSITORY = Symbol('CART_REPOSITORY');
/** The change would break a cart limit (answered 422). */
class CartLimitError extends Error {
}
exports.CartLimitError = CartLimitError;
/** The sku has no line in this cart (answered 404). */
class LineNotFoundError extends Error {
    constructor(sku) {
        super(`${sku} is not in the cart`);
    }
}
exports.LineNotFoundError = LineNotFoundError;
/**
 * The session id has no stored session (expired, or its store was lost): no
 * cart for it. Only a repository that checks the session itself throws it.
 */
class SessionGoneError extends Error {
    constructor() {
        super('the session no longer exists');
    }
}
exports.SessionGoneError = SessionGoneError;
function tooManyLines(limits) {
    return new CartLimitError(`a cart holds at most ${limits.maxLines} lines`);
}
function qtyTooLarge(sku, limits) {
    return new CartLimitError(`qty of ${sku} would exceed ${limits.maxQty}`);
}
//# sourceMappingURL=cart.repository.js.map