"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.matrixRow = matrixRow;
const checkers_1 = require("./checkers");
/** A matrix row from counts: percentages of `clients`, failures and skew over `history`. */
function matrixRow(scenario, p, f) {
    return {
        scenario,
        ...(f.variant ? { variant: f.variant } : {}),
        strategy: p.strategy,
        store: p.store,
        clients: f.clients,
        carts_lost_pct: share(f.lost, new Set(f.lost.lost.map((l) => l.client)).size, f.clients),
        clients_moved_pct: typeof f.moved === 'number' ? round((0, checkers_1.pct)(f.moved, f.clients)) : share(f.moved, f.moved.moves.length, f.clients),
        failed_requests: (0, checkers_1.failedRequests)(f.history).length,
        load_skew: round((0, checkers_1.loadSkew)(f.history, f.replicas)),
        ...(f.note ? { note: f.note } : {}),
        checks: { carts: verdict(f.lost), ...(typeof f.moved === 'number' ? {} : { placement: verdict(f.moved) }) },
    };
}
/** A percentage of clients, or `unknown` when the check behind it saw no evidence. */
function share(check, count, clients) {
    return check.valid === 'unknown' ? 'unknown' : round((0, checkers_1.pct)(count, clients));
}
const verdict = (v) => ({ valid: v.valid, reason: v.reason });
const round = (x) => Math.round(x * 100) / 100;
//# sourceMappingURL=row.js.map