"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mergeCookies = mergeCookies;
/** Merges Set-Cookie answers into a `Cookie` request header value, newest value winning. */
function mergeCookies(current, setCookies) {
    const jar = new Map();
    for (const pair of current.split('; ').filter(Boolean))
        jar.set(pair.split('=')[0], pair);
    for (const sc of setCookies) {
        const pair = sc.split(';')[0].trim();
        jar.set(pair.split('=')[0], pair);
    }
    return [...jar.values()].join('; ');
}
//# sourceMappingURL=cookies.js.map