"use strict";
// One client, one origin (the lab's nginx): a name → value jar is enough.
// Domain and Path are ignored on purpose; expiry is honoured so a server
// clearing a cookie (Max-Age=0 / past Expires) really clears it.
Object.defineProperty(exports, "__esModule", { value: true });
exports.CookieJar = void 0;
class CookieJar {
    jar = new Map();
    /** Applies every Set-Cookie header of a response. */
    absorb(setCookie) {
        for (const line of [setCookie ?? []].flat())
            this.absorbOne(line);
    }
    set(name, value) {
        this.jar.set(name, value);
    }
    delete(name) {
        this.jar.delete(name);
    }
    get(name) {
        return this.jar.get(name);
    }
    all() {
        return Object.fromEntries(this.jar);
    }
    /** Value for a `Cookie` request header, or undefined when empty. */
    header() {
        if (this.jar.size === 0)
            return undefined;
        return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    absorbOne(line) {
        const [pair, ...attrs] = line.split(';');
        const eq = pair.indexOf('=');
        if (eq <= 0)
            return;
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        if (isExpired(attrs))
            this.jar.delete(name);
        else
            this.jar.set(name, value);
    }
}
exports.CookieJar = CookieJar;
function isExpired(attrs) {
    for (const attr of attrs) {
        const [k, v = ''] = attr.split('=');
        const key = k.trim().toLowerCase();
        if (key === 'max-age' && Number(v.trim()) <= 0)
            return true;
        if (key === 'expires' && Date.parse(v.trim()) <= Date.now())
            return true;
    }
    return false;
}
//# sourceMappingURL=cookie-jar.js.map