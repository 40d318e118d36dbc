"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hasStoredSession = hasStoredSession;
exports.ensureSession = ensureSession;
const common_1 = require("@nestjs/common");
/** True when the request carries a session that has been stored before. */
function hasStoredSession(req) {
    return req.session?.createdAt !== undefined;
}
/**
 * Stores the session before the first cart write. express-session would save
 * it only after the response, and a failed save there does not fail the
 * response: a write whose session was not stored would be answered 2xx.
 * Throws the store's own error when the save fails.
 */
async function ensureSession(req) {
    const sess = req.session;
    if (!sess)
        throw new common_1.ServiceUnavailableException('session store unavailable: no session middleware');
    if (sess.createdAt !== undefined)
        return req.sessionID;
    sess.createdAt = Date.now();
    try {
        await new Promise((resolve, reject) => sess.save((err) => (err ? reject(err) : resolve())));
    }
    catch (err) {
        // Unset (express-session's `unset: 'keep'`): no cookie for a session that
        // was not stored, and no second save attempt when the response ends.
        req.session = null;
        throw err;
    }
    return req.sessionID;
}
//# sourceMappingURL=ensure-session.js.map