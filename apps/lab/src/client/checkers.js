"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckedCart = void 0;
exports.ackedItemsLost = ackedItemsLost;
exports.replicasSeenBy = replicasSeenBy;
exports.servedBySequence = servedBySequence;
exports.lastReplicaByClient = lastReplicaByClient;
exports.clientsMoved = clientsMoved;
exports.clientsStayed = clientsStayed;
// Properties of a recorded history, reused by scenarios, the probe, the CLI
// and the dashboard. Checkers answer true / false / unknown (see verdict.ts);
// the plain queries below them list what the history shows.
const history_1 = require("./history");
const verdict_1 = require("./verdict");
const WRITE_OPS = new Set(['addItem', 'setQty', 'removeItem', 'clearCart']);
/**
 * What one client was acknowledged to hold, replayed from its writes in
 * order. SKUs touched by an `unknown` write may be there or not: neither is
 * held against a read.
 */
class AckedCart {
    qty = new Map();
    uncertain = new Set();
    everythingUncertain = false;
    /** Replays one request; reads and failed writes change nothing. */
    apply(e) {
        if (!WRITE_OPS.has(e.op) || e.outcome === 'fail')
            return;
        const body = (e.body ?? {});
        const sku = e.op === 'clearCart' ? undefined : (body.sku ?? decodeURIComponent(e.path.split('/').pop() ?? ''));
        if (e.outcome === 'unknown') {
            if (sku === undefined)
                this.everythingUncertain = true;
            else
                this.uncertain.add(sku);
        }
        else if (sku === undefined)
            this.qty.clear();
        else if (e.op === 'removeItem')
            this.qty.delete(sku);
        else if (e.op === 'setQty')
            this.qty.set(sku, body.qty ?? 0);
        else
            this.qty.set(sku, (this.qty.get(sku) ?? 0) + (body.qty ?? 1));
    }
    /** Acknowledged items `cart` shows fewer of than expected. */
    missing(cart) {
        if (this.everythingUncertain)
            return [];
        const out = [];
        for (const [sku, expectedQty] of this.qty) {
            if (expectedQty <= 0 || this.uncertain.has(sku))
                continue;
            const seenQty = cart.items.find((i) => i.sku === sku)?.qty ?? 0;
            if (seenQty < expectedQty)
                out.push({ sku, expectedQty, seenQty });
        }
        return out;
    }
}
exports.AckedCart = AckedCart;
/** The client's lost items, or null when no read late enough shows its cart. */
function lostFor(client, entries, readAfter) {
    const acked = new AckedCart();
    let last;
    for (const e of entries) {
        acked.apply(e);
        if (e.outcome === 'ok' && e.cart)
            last = e;
    }
    if (!last || last.startedAt < readAfter)
        return null;
    return acked.missing(last.cart).map((m) => ({ client, ...m, servedBy: last.servedBy }));
}
/**
 * Property: every acknowledged cart item is in the client's final cart.
 * false: some client's final cart misses an item it was acknowledged;
 * unknown: no such loss, but some client (or every client) had no
 * successful read after the last fault — nothing vouches for its cart.
 * Writes with an unknown outcome make their SKU uncertain rather than expected.
 */
function ackedItemsLost(history, opts = {}) {
    const readAfter = opts.readAfter ?? Math.max(-Infinity, ...(0, history_1.faultsOf)(history).map((f) => f.endedAt));
    const lost = [];
    const unread = [];
    const judged = [];
    const verdicts = [];
    for (const [client, entries] of groupByClient((0, history_1.entriesOf)(history))) {
        const mine = lostFor(client, entries, readAfter);
        if (mine === null)
            unread.push(client);
        else
            judged.push(client);
        if (mine)
            lost.push(...mine);
        verdicts.push(mine === null ? 'unknown' : mine.length === 0);
    }
    return { valid: (0, verdict_1.mergeValid)(verdicts), reason: lostReason(lost, unread, judged), lost, unread, judged };
}
function lostReason(lost, unread, judged) {
    const losers = [...new Set(lost.map((l) => l.client))];
    const parts = [];
    if (losers.length)
        parts.push(`${losers.length} of ${judged.length} clients read lost an acknowledged item (${(0, verdict_1.nameList)(losers)})`);
    if (unread.length)
        parts.push(`${unread.length} clients had no successful cart read after the last fault (${(0, verdict_1.nameList)(unread)})`);
    if (!parts.length)
        parts.push(judged.length ? `every acknowledged item of ${judged.length} clients was in their final cart` : 'no client in the history');
    return parts.join('; ');
}
/** Distinct replicas that answered `client`, in order of first appearance. */
function replicasSeenBy(history, client) {
    return [...new Set(servedBySequence(history, client))];
}
/** `served_by` of every answered request of `client`, in order. */
function servedBySequence(history, client) {
    return (0, history_1.entriesOf)(history)
        .filter((e) => e.client === client && e.servedBy)
        .map((e) => e.servedBy);
}
/** The replica that last answered each client. */
function lastReplicaByClient(history) {
    const out = {};
    for (const e of (0, history_1.entriesOf)(history))
        if (e.servedBy)
            out[e.client] = e.servedBy;
    return out;
}
function placementOf(p) {
    return Array.isArray(p) || p instanceof history_1.History ? lastReplicaByClient(p) : p;
}
/**
 * Clients whose replica changed between two observations (histories or
 * client → replica maps). A plain list: clients absent from either side are
 * left out; `clientsStayed` says whether that leaves the answer unknown.
 */
function clientsMoved(before, after) {
    const a = placementOf(before);
    const b = placementOf(after);
    return Object.keys(a)
        .filter((c) => b[c] !== undefined && b[c] !== a[c])
        .map((c) => ({ client: c, from: a[c], to: b[c] }));
}
/**
 * Property: every client is served by the same replica after as before.
 * false: some moved (listed); unknown: none moved, but some client (or every
 * client) got no answer afterwards, so it may have.
 */
function clientsStayed(before, after) {
    const a = placementOf(before);
    const b = placementOf(after);
    const moves = clientsMoved(a, b);
    const unplaced = Object.keys(a).filter((c) => b[c] === undefined);
    const verdicts = Object.keys(a).map((c) => (b[c] === undefined ? 'unknown' : b[c] === a[c]));
    const parts = [];
    if (moves.length)
        parts.push(`${moves.length} of ${Object.keys(a).length} clients moved (${(0, verdict_1.nameList)(moves.map((m) => m.client))})`);
    if (unplaced.length)
        parts.push(`${unplaced.length} clients got no answer afterwards (${(0, verdict_1.nameList)(unplaced)})`);
    if (!parts.length)
        parts.push(verdicts.length ? `all ${verdicts.length} clients stayed` : 'no client was placed before');
    return { valid: (0, verdict_1.mergeValid)(verdicts), reason: parts.join('; '), moves, unplaced };
}
function groupByClient(entries) {
    const out = new Map();
    for (const e of entries) {
        const list = out.get(e.client) ?? [];
        list.push(e);
        out.set(e.client, list);
    }
    return out;
}
//# sourceMappingURL=checkers.js.map