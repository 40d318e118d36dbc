"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VICTIM = exports.ID = void 0;
exports.run = run;
// Taking app2 out for maintenance: `server … down` versus removing its line.
const client_1 = require("../client");
const wait_1 = require("../util/wait");
const harness_1 = require("./harness");
const row_1 = require("./row");
exports.ID = 'maintenance';
exports.VICTIM = 'app2';
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const clients = (0, harness_1.makeClients)(r);
        try {
            await (0, harness_1.fill)(r, clients);
            const down = await phase(r, clients, 'down', () => r.nemesis.markDown(exports.VICTIM, true));
            await r.nemesis.markDown(exports.VICTIM, false);
            const back = await untilBack(r, clients, down.facts.onVictim);
            const removed = await phase(r, clients, 'removed', () => r.nemesis.removeReplica(exports.VICTIM));
            const facts = { down: down.facts, removed: removed.facts, cartsBackAfterUndrain: back };
            const downRow = { ...down.row, note: `${down.row.note}; ${back.length} found their cart again once \`down\` was lifted` };
            return { rows: [downRow, removed.row], facts };
        }
        finally {
            (0, harness_1.closeAll)(clients);
        }
    });
}
async function phase(r, clients, variant, change) {
    const before = await (0, harness_1.placement)(clients);
    const lostBefore = (0, harness_1.cartsCheck)(r.history).lost;
    const fault = await change();
    const later = await (0, harness_1.placement)(clients, 2);
    const slice = (0, client_1.after)(r.history, fault);
    const stayed = (0, client_1.clientsStayed)(before, later);
    const carts = (0, harness_1.cartsCheck)(r.history);
    const facts = {
        onVictim: (0, harness_1.clientsOn)(before, exports.VICTIM),
        movedClients: stayed.moves.map((m) => m.client).sort(),
        // Only the losses this change caused: the clients already cartless stay so.
        lostClients: carts.lost.filter((c) => !lostBefore.includes(c)),
    };
    const row = (0, row_1.matrixRow)(exports.ID, r.params, {
        variant,
        clients: clients.length,
        lost: newLosses(carts.check, lostBefore),
        moved: stayed,
        history: slice,
        replicas: r.replicas.filter((n) => n !== exports.VICTIM),
        note: `${facts.onVictim.length} clients were on ${exports.VICTIM}, ${facts.movedClients.length} moved`,
    });
    return { row, facts };
}
/** The cart check narrowed to losses this change caused. */
function newLosses(check, lostBefore) {
    const lost = check.lost.filter((l) => !lostBefore.includes(l.client));
    const losers = [...new Set(lost.map((l) => l.client))];
    if (losers.length)
        return { ...check, valid: false, lost, reason: `${losers.length} more clients lost an acknowledged item (${(0, client_1.nameList)(losers)})` };
    if (check.unread.length)
        return { ...check, valid: 'unknown', lost };
    return { ...check, valid: true, lost, reason: 'no acknowledged item lost by this change' };
}
/**
 * Hash strategies send app2's clients back once it is in rotation again
 * (poll, bounded); a sticky-cookie client was re-pinned and stays. Returns the
 * clients whose old cart on app2 is visible again.
 */
async function untilBack(r, clients, onVictim) {
    const mine = clients.filter((c) => onVictim.includes(c.name));
    if (r.params.strategy !== 'sticky-cookie' && mine.length) {
        await (0, wait_1.waitFor)(`${exports.VICTIM}'s clients routed back after down was lifted`, async () => (await mine[0].getCart()).servedBy === exports.VICTIM, {
            timeoutMs: 10_000,
            intervalMs: 100,
        });
    }
    const replies = await Promise.all(mine.map((c) => c.getCart()));
    return mine.filter((c, i) => replies[i].servedBy === exports.VICTIM && (replies[i].body?.items.length ?? 0) > 0).map((c) => c.name);
}
//# sourceMappingURL=maintenance.js.map