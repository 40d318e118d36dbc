"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.collectEvidence = collectEvidence;
// What a failed scenario prints: per-client story, nginx config, log tails.
const client_1 = require("../client");
const TAIL_LINES = 40;
const t0 = (h) => Math.min(...h.ops.map((o) => o.startedAt));
async function collectEvidence(topo, history) {
    const tail = (s) => s.split('\n').slice(-TAIL_LINES).join('\n');
    const [nginxConfig, logs] = await Promise.all([
        topo.nginxConfig().catch((e) => `(no config: ${e.message})`),
        topo.logs().catch((e) => ({ error: e.message })),
    ]);
    const carts = (0, client_1.ackedItemsLost)(history);
    const faults = history.faults().map((f) => `nemesis: ${f.fault} ${f.target} ${f.outcome}${f.error ? ` (${f.error})` : ''} at +${Math.round(f.startedAt - t0(history))} ms, took ${Math.round(f.endedAt - f.startedAt)} ms`);
    const summary = history.clients().map((c) => {
        const lost = carts.lost.filter((l) => l.client === c);
        const failed = history.forClient(c).filter((e) => e.outcome !== 'ok');
        return `${c}: ${(0, client_1.replicasSeenBy)(history, c).join('→') || '(never answered)'}${lost.length ? ` lost ${lost.map((l) => `${l.sku}×${l.expectedQty - l.seenQty}`).join(',')}` : ''}${failed.length ? ` failed ${failed.map((f) => `${f.method} ${f.path} ${f.status ?? f.error}`).join('; ')}` : ''}`;
    });
    return { summary: [...faults, `carts: ${carts.valid} — ${carts.reason}`, ...summary], nginxConfig, logs: Object.fromEntries(Object.entries(logs).map(([k, v]) => [k, tail(v)])) };
}
//# sourceMappingURL=evidence.js.map