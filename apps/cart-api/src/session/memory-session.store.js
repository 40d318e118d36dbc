"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MemorySessionStore = exports.SessionLimitError = void 0;
const express_session_1 = require("express-session");
const INTERNED_MAX = 64;
/**
 * One copy of each distinct string, up to INTERNED_MAX of them, with the
 * object it parses to: every read returns a fresh copy of a session, and a
 * shallow copy of the parsed cookie (flat, primitives only) is cheaper than
 * parsing it again; the profile of GET /cart had unpack as the store's top cost.
 */
class Interner {
    strings = new Map();
    // Never handed out, only copied: not frozen, as spreading a frozen object is V8's slow path.
    parsed = new Map();
    get(value) {
        const known = this.strings.get(value);
        if (known !== undefined)
            return known;
        if (this.strings.size < INTERNED_MAX)
            this.strings.set(value, value);
        return value;
    }
    /** A fresh copy of the flat JSON object `value`. */
    copyOf(value) {
        const known = this.parsed.get(value);
        if (known !== undefined)
            return { ...known };
        const object = JSON.parse(value);
        if (this.strings.get(value) === value)
            this.parsed.set(value, { ...object });
        return object;
    }
}
/** A new session was refused because the store holds `maxSessions` already. */
class SessionLimitError extends Error {
    maxSessions;
    retryAfterSeconds;
    constructor(maxSessions, 
    /** When some idle session will have expired at the latest. */
    retryAfterSeconds) {
        super(`this replica holds its maximum of ${maxSessions} sessions`);
        this.maxSessions = maxSessions;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
exports.SessionLimitError = SessionLimitError;
const CAP_SWEEP_MS = 1000;
/**
 * express-session's bundled MemoryStore never prunes expired sessions and
 * leaks; this one expires entries on read and sweeps them on an unref()'d
 * timer, so memory returns once sessions go idle.
 */
class MemorySessionStore extends express_session_1.Store {
    entries = new Map();
    ttlMs;
    maxSessions;
    onGone;
    now;
    timer;
    interner = new Interner();
    /** Store-clock time before which a full store refuses without sweeping again. */
    capSweepAfter = -Infinity;
    constructor(opts) {
        super();
        this.ttlMs = opts.ttlSeconds * 1000;
        this.maxSessions = opts.maxSessions ?? Infinity;
        this.onGone = opts.onGone;
        this.now = opts.now ?? Date.now;
        const every = Math.max(1000, Math.min(this.ttlMs, 60_000));
        this.timer = setInterval(() => this.prune(), every);
        this.timer.unref();
    }
    /** Sessions held in this process (O(1); expired ones count until the next sweep). */
    get size() {
        return this.entries.size;
    }
    expiry(sess) {
        const expires = sess.cookie?.expires;
        const at = expires ? new Date(expires).getTime() : NaN;
        return Number.isFinite(at) ? at : this.now() + this.ttlMs;
    }
    pack(sess) {
        const { cookie, ...data } = sess;
        // Cookie#toJSON gives the plain fields express-session itself would store.
        const plain = JSON.parse(JSON.stringify(cookie ?? {}));
        const expires = plain.expires != null;
        delete plain.expires;
        return {
            cookie: this.interner.get(JSON.stringify(plain)),
            data: JSON.stringify(data),
            expiresAt: this.expiry(sess),
            expires,
        };
    }
    unpack(entry) {
        const cookie = this.interner.copyOf(entry.cookie);
        if (entry.expires)
            cookie.expires = new Date(entry.expiresAt).toISOString();
        // Assigned, not spread into a literal: that copy was most of unpack's time.
        const sess = JSON.parse(entry.data);
        sess.cookie = cookie;
        return sess;
    }
    drop(sid) {
        if (this.entries.delete(sid))
            this.onGone?.(sid);
    }
    live(sid) {
        const entry = this.entries.get(sid);
        if (entry && entry.expiresAt <= this.now()) {
            this.drop(sid);
            return undefined;
        }
        return entry;
    }
    /** Removes every expired session; returns how many went. */
    prune() {
        const now = this.now();
        let gone = 0;
        for (const [sid, entry] of this.entries) {
            if (entry.expiresAt <= now) {
                this.drop(sid);
                gone++;
            }
        }
        return gone;
    }
    /**
     * Answers on the next turn of the event loop, like express-session's own
     * MemoryStore and like any store with I/O: requests of one session then
     * overlap between load and save, as they do in production.
     */
    get(sid, cb) {
        const entry = this.live(sid);
        setImmediate(cb, null, entry ? this.unpack(entry) : null);
    }
    /**
     * Room for a new session. At the cap it sweeps expired sessions first, but
     * at most once per CAP_SWEEP_MS: a sweep is O(sessions), and a flood of
     * session-less requests at the cap would otherwise pay it on every request.
     */
    hasRoom() {
        if (this.entries.size < this.maxSessions)
            return true;
        const now = this.now();
        if (now >= this.capSweepAfter) {
            this.capSweepAfter = now + CAP_SWEEP_MS;
            this.prune();
        }
        return this.entries.size < this.maxSessions;
    }
    set(sid, sess, cb) {
        if (!this.entries.has(sid) && !this.hasRoom()) {
            cb?.(new SessionLimitError(this.maxSessions, Math.ceil(Math.min(this.ttlMs, 60_000) / 1000)));
            return;
        }
        this.entries.set(sid, this.pack(sess));
        cb?.(null);
    }
    touch(sid, sess, cb) {
        const entry = this.live(sid);
        if (entry)
            entry.expiresAt = this.expiry(sess);
        cb?.(null);
    }
    destroy(sid, cb) {
        this.drop(sid);
        cb?.(null);
    }
    length(cb) {
        this.prune();
        cb(null, this.entries.size);
    }
    all(cb) {
        this.prune();
        cb(null, [...this.entries.values()].map((e) => this.unpack(e)));
    }
    clear(cb) {
        for (const sid of [...this.entries.keys()])
            this.drop(sid);
        cb?.(null);
    }
    close() {
        clearInterval(this.timer);
    }
}
exports.MemorySessionStore = MemorySessionStore;
//# sourceMappingURL=memory-session.store.js.map