"use strict";
// Jepsen's three-valued verdict: a checker that saw no evidence says
// `unknown`, never `true`.
Object.defineProperty(exports, "__esModule", { value: true });
exports.mergeValid = mergeValid;
exports.nameList = nameList;
/** Combines verdicts the way Jepsen does: any false wins, then any unknown, else true. */
function mergeValid(vs) {
    if (vs.includes(false))
        return false;
    if (vs.includes('unknown') || vs.length === 0)
        return 'unknown';
    return true;
}
/** `c01, c02, c03 +4` : names in a reason, bounded. */
function nameList(names, max = 6) {
    const shown = names.slice(0, max).join(', ');
    return names.length > max ? `${shown} +${names.length - max}` : shown;
}
//# sourceMappingURL=verdict.js.map