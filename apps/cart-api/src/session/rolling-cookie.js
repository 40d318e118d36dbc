"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RollingCookie = void 0;
const node_crypto_1 = require("node:crypto");
const SIGNED_CACHE_MAX = 10_000;
/**
 * `req.secure` without its cost in the common case: Express consults the
 * trust-proxy rule (an address parse) only to read X-Forwarded-Proto, so with
 * no such header the answer is the socket's own.
 */
function isSecure(req) {
    if (req.headers['x-forwarded-proto'] === undefined)
        return req.socket.encrypted === true;
    return req.secure;
}
/**
 * The rolling Set-Cookie of a stored session, written by the service instead
 * of express-session's `rolling` option: that one signs the id again (an HMAC)
 * and serialises the cookie on every response. The signed value depends only
 * on the id, so it is computed once per session (a bounded cache); only
 * Expires and Max-Age change from one response to the next.
 */
class RollingCookie {
    name;
    secret;
    ttlSeconds;
    secure;
    signed = new Map();
    maxAgeMs;
    /** Expires has a one-second resolution: formatted once per second, not per response. */
    expiresSecond = -1;
    expires = '';
    constructor(name, secret, ttlSeconds, secure) {
        this.name = name;
        this.secret = secret;
        this.ttlSeconds = ttlSeconds;
        this.secure = secure;
        this.maxAgeMs = ttlSeconds * 1000;
    }
    /** express-session's format (cookie-signature): `s:<sid>.<base64 HMAC-SHA256 without padding>`, URI-encoded. */
    value(sid) {
        let value = this.signed.get(sid);
        if (value !== undefined)
            return value;
        const mac = (0, node_crypto_1.createHmac)('sha256', this.secret).update(sid).digest('base64').replace(/=+$/, '');
        value = encodeURIComponent(`s:${sid}.${mac}`);
        // Dropping all at the bound costs one HMAC per live session, never unbounded memory.
        if (this.signed.size >= SIGNED_CACHE_MAX)
            this.signed.clear();
        this.signed.set(sid, value);
        return value;
    }
    /** The header express-session would write for `sid`, same attribute order, plus Max-Age. */
    header(req, sid, now = Date.now()) {
        const second = Math.floor((now + this.maxAgeMs) / 1000);
        if (second !== this.expiresSecond) {
            this.expiresSecond = second;
            this.expires = new Date(second * 1000).toUTCString();
        }
        const expires = this.expires;
        const secure = this.secure === 'auto' ? isSecure(req) : this.secure;
        return `${this.name}=${this.value(sid)}; Path=/; Expires=${expires}; HttpOnly${secure ? '; Secure' : ''}; SameSite=Lax; Max-Age=${this.ttlSeconds}`;
    }
}
exports.RollingCookie = RollingCookie;
//# sourceMappingURL=rolling-cookie.js.map