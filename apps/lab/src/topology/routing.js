"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.servedBy = servedBy;
exports.waitUntilRouted = waitUntilRouted;
// Confirms nginx's routing after a reload from the outside, the way a user
// would see it: requests from many source addresses and URLs (so every
// strategy's hash key varies) until one is answered by the replica we expect.
const http_1 = require("../util/http");
const wait_1 = require("../util/wait");
const BATCH = 8;
/** A distinct /24 per probe (127.0.1.1 … 127.0.254.1), so ip_hash sees different users. */
function probeAddress(n) {
    return `127.0.${(n % 254) + 1}.1`;
}
/** X-Served-By of one GET through nginx, or undefined when nothing answered. */
async function servedBy(url, sourceAddress, timeoutMs = 2_000) {
    const { status, headers } = await (0, http_1.httpGet)(url, { localAddress: sourceAddress, timeoutMs });
    const h = headers['x-served-by'];
    return status === 200 && typeof h === 'string' ? h : undefined;
}
async function waitUntilRouted(baseUrl, name, timeoutMs = 15_000) {
    let n = 0;
    await (0, wait_1.waitFor)(`nginx at ${baseUrl} to route a request to ${name}`, async () => {
        const batch = Array.from({ length: BATCH }, () => {
            n += 1;
            return servedBy(`${baseUrl}/?lab-route-probe=${n}`, probeAddress(n));
        });
        return (await Promise.all(batch)).includes(name);
    }, { timeoutMs, intervalMs: 50 });
}
//# sourceMappingURL=routing.js.map