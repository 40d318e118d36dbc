"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Session = void 0;
exports.cartSessionOf = cartSessionOf;
const common_1 = require("@nestjs/common");
const http_error_filter_1 = require("../common/http-error.filter");
const ensure_session_1 = require("./ensure-session");
const memory_session_store_1 = require("./memory-session.store");
const lost_session_1 = require("./lost-session");
function created(req) {
    return (0, ensure_session_1.ensureSession)(req).catch((err) => {
        if (err instanceof memory_session_store_1.SessionLimitError) {
            throw new http_error_filter_1.RetryLaterException(`${err.message}; try again later`, err.retryAfterSeconds);
        }
        throw new common_1.ServiceUnavailableException(`session store unavailable: ${err.message}`);
    });
}
function cartSessionOf(req) {
    return {
        id: (0, ensure_session_1.hasStoredSession)(req) ? req.sessionID : null,
        get lost() {
            return (0, lost_session_1.sessionWasLost)(req);
        },
        create: () => created(req),
        markLost: () => (0, lost_session_1.markSessionLost)(req),
        renew: () => {
            // generate, not regenerate: the old session is gone, there is nothing to destroy.
            req.sessionStore.generate(req);
            return created(req);
        },
    };
}
/** `@Session() session: CartSession` in a controller handler. */
exports.Session = (0, common_1.createParamDecorator)((_, ctx) => cartSessionOf(ctx.switchToHttp().getRequest()));
//# sourceMappingURL=cart-session.js.map