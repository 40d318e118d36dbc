"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClaimedSessionStore = void 0;
const connect_redis_1 = require("connect-redis");
/**
 * connect-redis for the /cart routes, where the cart script is the one Redis
 * round trip of a request: `get` answers without Redis with a session that
 * is only claimed (`createdAt: 0`), because express-session calls it only for
 * an id whose signature it verified, and the session holds nothing the cart
 * needs besides its id. The cart script then checks that `sess:<sid>` exists
 * (and slides its TTL) in the same round trip as the cart operation; an id
 * with no stored session gets no cart and is reported lost (see CartService).
 *
 * Such a session is never written back: express-session saves only a
 * session that changed, and `touch` is off (disableTouch).
 */
class ClaimedSessionStore extends connect_redis_1.RedisStore {
    cookie;
    constructor(opts, cookie) {
        super(opts);
        this.cookie = cookie;
    }
    get(_sid, cb) {
        // A later turn, as a store with I/O would answer (see no-lost-update.e2e.ts).
        const sess = { cookie: this.cookie(), createdAt: 0 };
        return new Promise((resolve) => process.nextTick(() => {
            cb?.(null, sess);
            resolve();
        }));
    }
}
exports.ClaimedSessionStore = ClaimedSessionStore;
//# sourceMappingURL=claimed-session.store.js.map