"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_USERS = exports.mergeCookies = void 0;
exports.userAddress = userAddress;
exports.anonymousUsers = anonymousUsers;
exports.productSkus = productSkus;
exports.createUser = createUser;
exports.createUsers = createUsers;
// Users for the load cases: each one a session with a cart, created from the
// user's own source address through the same entry point the load will use
// (so ip-hash routes it as it will route the load, and balancer cookies are set).
const undici_1 = require("undici");
const cookies_1 = require("./cookies");
var cookies_2 = require("./cookies");
Object.defineProperty(exports, "mergeCookies", { enumerable: true, get: function () { return cookies_2.mergeCookies; } });
/** Users sharing a /24: enough to model a few users behind one address block, few enough that ip-hash spreads them. */
const USERS_PER_SUBNET = 2;
exports.MAX_USERS = 254 * USERS_PER_SUBNET;
/**
 * User i's source address: 127.77.S.H, S = its /24, H = its host in it.
 * ip-hash hashes the first three octets, so users spread over many /24s
 * spread over the replicas the way different users do.
 */
function userAddress(i) {
    if (!Number.isInteger(i) || i < 0 || i >= exports.MAX_USERS)
        throw new RangeError(`user index must be 0..${exports.MAX_USERS - 1}, got ${i}`);
    return `127.77.${1 + Math.floor(i / USERS_PER_SUBNET)}.${1 + (i % USERS_PER_SUBNET)}`;
}
/** Users without a session (for servers that keep none). */
function anonymousUsers(n) {
    return Array.from({ length: n }, (_, i) => ({ address: userAddress(i), cookie: '' }));
}
async function productSkus(url) {
    const res = await fetch(`${url}/products`, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok)
        throw new Error(`GET ${url}/products answered ${res.status}`);
    const products = (await res.json());
    if (!products.length)
        throw new Error(`GET ${url}/products returned no products`);
    return products.map((p) => p.sku);
}
/** One user: `lines` POSTs to /cart/items from its address, following cookies. */
async function createUser(url, address, skus, lines) {
    const client = new undici_1.Client(url, { localAddress: address, headersTimeout: 10_000, bodyTimeout: 10_000 });
    let cookie = '';
    try {
        for (let i = 0; i < lines; i++) {
            const res = await client.request({
                method: 'POST',
                path: '/cart/items',
                headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
                body: JSON.stringify({ sku: skus[i % skus.length], qty: 1 }),
            });
            await res.body.dump();
            if (res.statusCode < 200 || res.statusCode > 299)
                throw new Error(`POST ${url}/cart/items from ${address} answered ${res.statusCode}`);
            const sc = res.headers['set-cookie'];
            cookie = (0, cookies_1.mergeCookies)(cookie, sc === undefined ? [] : Array.isArray(sc) ? sc : [sc]);
        }
    }
    finally {
        await client.close();
    }
    if (!/(^|; )sid=/.test(cookie))
        throw new Error(`${url} set no sid cookie`);
    return { address, cookie };
}
async function createUsers(url, n, lines = 3) {
    const skus = await productSkus(url);
    const users = [];
    for (let i = 0; i < n; i++)
        users.push(await createUser(url, userAddress(i), skus, lines));
    return users;
}
//# sourceMappingURL=users.js.map