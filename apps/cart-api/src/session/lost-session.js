"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SESSION_LOST = exports.SESSION_STATUS_HEADER = void 0;
exports.noteLostSession = noteLostSession;
exports.markSessionLost = markSessionLost;
exports.sessionWasLost = sessionWasLost;
const node_crypto_1 = require("node:crypto");
/** Header (and body field) that tells a client its presented session no longer exists. */
exports.SESSION_STATUS_HEADER = 'X-Session-Status';
const cart_1 = require("../../../../libs/cart");
Object.defineProperty(exports, "SESSION_LOST", { enumerable: true, get: function () { return cart_1.SESSION_LOST; } });
const lost = new WeakSet();
const cookiePatterns = new Map();
function presentedSid(req, name) {
    const header = req.headers.cookie;
    if (!header)
        return null;
    let pattern = cookiePatterns.get(name);
    if (!pattern)
        cookiePatterns.set(name, (pattern = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`)));
    const match = pattern.exec(header);
    if (!match)
        return null;
    try {
        return decodeURIComponent(match[1]);
    }
    catch {
        return null;
    }
}
/** express-session's signature (cookie-signature): `s:<value>.<base64 HMAC-SHA256 without padding>`. */
function validlySigned(raw, secrets) {
    if (!raw.startsWith('s:'))
        return false;
    const signed = raw.slice(2);
    const dot = signed.lastIndexOf('.');
    if (dot <= 0)
        return false;
    const mac = Buffer.from(signed.slice(dot + 1));
    return secrets.some((secret) => {
        const expected = Buffer.from((0, node_crypto_1.createHmac)('sha256', secret).update(signed.slice(0, dot)).digest('base64').replace(/=+$/, ''));
        return expected.length === mac.length && (0, node_crypto_1.timingSafeEqual)(expected, mac);
    });
}
/**
 * Called after express-session when the request has no stored session: a
 * cookie that is validly signed by this deployment names a session that
 * expired or was lost (its replica or store restarted). A forged or foreign
 * cookie is not reported. Runs only on that path, never for a live session.
 */
function noteLostSession(req, name, secrets) {
    const raw = presentedSid(req, name);
    if (raw === null || !validlySigned(raw, secrets))
        return false;
    lost.add(req);
    return true;
}
/** The store found no session for the id the request presented (a cart repository that checks it said so). */
function markSessionLost(req) {
    lost.add(req);
    req.res?.setHeader(exports.SESSION_STATUS_HEADER, cart_1.SESSION_LOST);
}
function sessionWasLost(req) {
    return lost.has(req);
}
//# sourceMappingURL=lost-session.js.map