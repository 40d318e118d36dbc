"use strict";
// Replicas are `app1`, `app2`, … everywhere.
Object.defineProperty(exports, "__esModule", { value: true });
exports.replicaName = replicaName;
exports.replicaIndex = replicaIndex;
exports.nextReplicaName = nextReplicaName;
exports.byReplicaIndex = byReplicaIndex;
function replicaName(i) {
    return `app${i}`;
}
function replicaIndex(name) {
    const m = /^app(\d+)$/.exec(name);
    return m ? Number(m[1]) : NaN;
}
/** `app{highest + 1}` of the current replicas (as the compose driver names them). */
function nextReplicaName(names) {
    const max = Math.max(0, ...[...names].map(replicaIndex).filter((n) => !Number.isNaN(n)));
    return replicaName(max + 1);
}
/** Sorts `app2` before `app10`. */
function byReplicaIndex(a, b) {
    return replicaIndex(a) - replicaIndex(b);
}
//# sourceMappingURL=names.js.map