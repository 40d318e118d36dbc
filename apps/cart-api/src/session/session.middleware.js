"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SESSION_COOKIE = void 0;
exports.sessionUnavailable = sessionUnavailable;
exports.sessionMiddleware = sessionMiddleware;
const express_session_1 = __importDefault(require("express-session"));
const ensure_session_1 = require("./ensure-session");
const lost_session_1 = require("./lost-session");
const rolling_cookie_1 = require("./rolling-cookie");
exports.SESSION_COOKIE = 'sid';
function sessionUnavailable(res, err) {
    const why = err instanceof Error ? err.message : String(err);
    res.status(503).json({
        statusCode: 503,
        error: 'Service Unavailable',
        message: `session store unavailable: ${why}`,
    });
}
/**
 * The cookie of every /cart response of a stored session. express-session
 * writes `Expires` only, and only when it created or changed the session
 * (`rolling` is off: see RollingCookie); `Max-Age` says the same thing without
 * depending on the client's clock. Runs just before the headers go out, after
 * express-session has set its cookie (its own writeHead hook runs first
 * because it is installed later, on top of this one).
 */
function rollCookie(req, res, rolling, seconds) {
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
        const prev = res.getHeader('Set-Cookie');
        const cookies = prev === undefined ? [] : [].concat(prev);
        const ours = cookies.findIndex((c) => c.startsWith(`${exports.SESSION_COOKIE}=`));
        if (ours >= 0) {
            cookies[ours] = `${cookies[ours]}; Max-Age=${seconds}`;
            res.setHeader('Set-Cookie', cookies);
        }
        else if ((0, ensure_session_1.hasStoredSession)(req) && !(0, lost_session_1.sessionWasLost)(req)) {
            cookies.push(rolling.header(req, req.sessionID));
            res.setHeader('Set-Cookie', cookies);
        }
        return writeHead.apply(this, args);
    };
}
/**
 * express-session for the /cart routes only. A session is identity, created
 * on the first write (see CartService); the cart itself is not in it.
 * The TTL is an idle expiry: the cookie is re-issued with a fresh lifetime
 * on every /cart response of a stored session (rollCookie), while the store slides its own expiry (memory: touch; redis: the
 * cart script's EXPIRE). A store error becomes a JSON 503 instead of a hang
 * or a 500.
 */
function sessionMiddleware(config, backend) {
    const handler = (0, express_session_1.default)({
        name: exports.SESSION_COOKIE,
        secret: config.sessionSecrets,
        store: backend.store,
        resave: false,
        saveUninitialized: false,
        rolling: false,
        cookie: {
            httpOnly: true,
            sameSite: 'lax',
            secure: config.cookieSecure,
            maxAge: config.sessionTtlSeconds * 1000,
        },
    });
    const rolling = new rolling_cookie_1.RollingCookie(exports.SESSION_COOKIE, config.sessionSecrets[0], config.sessionTtlSeconds, config.cookieSecure);
    return (req, res, next) => {
        rollCookie(req, res, rolling, config.sessionTtlSeconds);
        handler(req, res, (err) => {
            // express-session reports a failed end-of-request touch/save through
            // this callback after the response went out; nothing is left to answer.
            if (res.headersSent)
                return;
            if (err)
                return sessionUnavailable(res, err);
            if (!(0, ensure_session_1.hasStoredSession)(req) && (0, lost_session_1.noteLostSession)(req, exports.SESSION_COOKIE, config.sessionSecrets)) {
                res.setHeader(lost_session_1.SESSION_STATUS_HEADER, lost_session_1.SESSION_LOST);
            }
            next();
        });
    };
}
//# sourceMappingURL=session.middleware.js.map