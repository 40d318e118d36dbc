"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nearest = nearest;
/** Edit distance (insert, delete, substitute), small strings only. */
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}
/**
 * The candidate a typo most likely meant: the closest within a third of its
 * length (at least 2 edits), or one the typo is a prefix of.
 */
function nearest(typo, candidates) {
    let best;
    for (const name of candidates) {
        const d = name.startsWith(typo) && typo.length >= 3 ? 0 : distance(typo, name);
        if (!best || d < best.d)
            best = { name, d };
    }
    const limit = Math.max(2, Math.floor(typo.length / 3));
    return best && best.d <= limit ? best.name : undefined;
}
//# sourceMappingURL=suggest.js.map