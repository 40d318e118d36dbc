"use strict";
// Source addresses for lab clients. The whole 127.0.0.0/8 is loopback on
// Linux, so binding a socket to 127.0.X.Y gives nginx a real, distinct
// $remote_addr. ip_hash only looks at the first three octets: different /24s
// model different users, one /24 models many users behind one NAT.
Object.defineProperty(exports, "__esModule", { value: true });
exports.userAddress = userAddress;
exports.natAddress = natAddress;
const MAX = 254;
function check(i) {
    if (!Number.isInteger(i) || i < 0 || i >= MAX)
        throw new RangeError(`address index must be 0..${MAX - 1}, got ${i}`);
}
/** A distinct /24 per user: 127.0.1.1, 127.0.2.1, … */
function userAddress(i) {
    check(i);
    return `127.0.${i + 1}.1`;
}
/** Users sharing one /24, like an office behind NAT: 127.0.200.1, 127.0.200.2, … */
function natAddress(i) {
    check(i);
    return `127.0.200.${i + 1}`;
}
//# sourceMappingURL=addresses.js.map