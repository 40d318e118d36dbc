"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FORGED_SIDS = exports.FORGED_ROUTES = exports.ID = void 0;
exports.run = run;
// A client that lies in its cookies: forged/garbled `route` and `sid`.
const client_1 = require("../client");
const harness_1 = require("./harness");
exports.ID = 'hostile-client';
/** Route values nginx never issued: unknown names, addresses, paths, junk, huge. */
exports.FORGED_ROUTES = ['app9', 'app0', '127.0.0.1:22', 'localhost', '../../etc/passwd', 'pool_all', '%00%ff', '', 'A'.repeat(2000)];
/** Session ids that are unsigned, badly signed, malformed or huge. */
exports.FORGED_SIDS = ['s%3Aforged.c2lnbmF0dXJl', 'forged', 's%3A', '%ff%fe', 'x'.repeat(3000)];
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const [victim] = (0, harness_1.makeClients)(r, 1, () => (0, client_1.userAddress)(250), 'victim');
        const routes = (0, harness_1.makeClients)(r, exports.FORGED_ROUTES.length, client_1.userAddress, 'route');
        const sids = (0, harness_1.makeClients)(r, exports.FORGED_SIDS.length, (i) => (0, client_1.userAddress)(100 + i), 'sid');
        const replay = (0, harness_1.makeClients)(r, 1, () => (0, client_1.userAddress)(251), 'replay')[0];
        const hostile = [...routes, ...sids, replay];
        try {
            await victim.addItem(r.skus[0], 3);
            routes.forEach((c, i) => c.setCookie('route', exports.FORGED_ROUTES[i]));
            sids.forEach((c, i) => c.setCookie('sid', exports.FORGED_SIDS[i]));
            // An unsigned copy of the victim's session id: a stolen id without the secret.
            const victimSid = decodeURIComponent(victim.cookies().sid ?? '');
            replay.setCookie('sid', encodeURIComponent(victimSid.replace(/^s:/, '').split('.')[0]));
            replay.setCookie('route', victim.cookies().route ?? 'app1');
            const own = r.skus[r.skus.length - 1];
            await (0, harness_1.all)(hostile, (c) => c.getCart());
            await (0, harness_1.all)(hostile, (c) => c.addItem(own, 1));
            const finals = await (0, harness_1.all)(hostile, (c) => c.getCart());
            const entries = r.history.entries.filter((e) => e.client !== victim.name);
            const facts = {
                statuses: entries.map((e) => e.status ?? 0),
                serverErrors: entries.filter((e) => !e.status || e.status >= 500).map((e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`),
                forgedRouteReplicas: [...new Set(r.history.entries.filter((e) => routes.some((c) => c.name === e.client) && e.servedBy).map((e) => e.servedBy))].sort(),
                keptForgedSid: sids.filter((c, i) => c.cookies().sid === exports.FORGED_SIDS[i]).map((c) => c.name),
                sawForeignItems: hostile
                    .filter((c, i) => finals[i].body?.items.some((l) => l.sku !== own || l.qty !== 1))
                    .map((c) => c.name),
                replayedVictimCart: finals.at(-1)?.body?.items.some((l) => l.sku === r.skus[0]) ?? false,
            };
            const row = (0, harness_1.unmovedRow)(exports.ID, r, {
                clients: hostile.length,
                history: entries,
                note: `forged routes served by ${facts.forgedRouteReplicas.join(', ')}; ${facts.serverErrors.length} server errors; foreign items seen by ${facts.sawForeignItems.length}`,
            });
            return { rows: [row], facts };
        }
        finally {
            (0, harness_1.closeAll)([victim, ...hostile]);
        }
    });
}
//# sourceMappingURL=hostile-client.js.map