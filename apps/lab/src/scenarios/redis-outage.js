"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SESSION_LOST = exports.ID = void 0;
exports.run = run;
exports.toldLost = toldLost;
// The shared store fails: paused (hangs), then restarted empty; with AOF
// persistence, restarted with every session kept.
const client_1 = require("../client");
const wait_1 = require("../util/wait");
const checkers_1 = require("./checkers");
const harness_1 = require("./harness");
const row_1 = require("./row");
exports.ID = 'redis-outage';
/** The service's word for "the session you presented no longer exists". */
exports.SESSION_LOST = 'expired-or-lost';
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const clients = (0, harness_1.makeClients)(r);
        try {
            await (0, harness_1.fill)(r, clients);
            await (0, harness_1.all)(clients, (c) => c.getCart());
            const filled = (0, harness_1.cartsCheck)(r.history);
            const clientsWithCart = filled.check.judged.length - filled.lost.length;
            // With AOF only the restart is measured: a pause does not touch the data, persistence or not.
            const paused = params.redisPersistence === 'aof' ? null : await pauseAndResume(r, clients);
            const restart = await r.nemesis.redisRestart();
            await untilEveryCartServed(clients);
            const restarted = (0, harness_1.cartsCheck)(r.history);
            const told = toldLost(r.history, restart);
            const facts = {
                duringPause: paused?.requests.map(brief) ?? [],
                maxLatencyDuringPauseMs: paused ? (0, checkers_1.maxLatencyMs)(paused.requests) : 0,
                lostAfterResume: paused?.lost ?? [],
                lostAfterRestart: restarted.lost,
                clientsWithCart,
                toldLostAfterRestart: told,
            };
            const rows = [
                ...(paused ? [pausedRow(r, params, clients.length, paused, facts)] : []),
                restartRow(r, params, clients.length, restarted.check, (0, client_1.after)(r.history, restart), facts),
            ];
            return { rows, facts };
        }
        finally {
            (0, harness_1.closeAll)(clients);
        }
    });
}
/** Pause, one read and one write per client against the frozen store, resume; judged on reads after the resume. */
async function pauseAndResume(r, clients) {
    const pause = await r.nemesis.redisPause();
    await (0, harness_1.all)(clients, async (c) => Promise.all([c.getCart(), c.addItem(r.skus[0], 1)]));
    const resume = await r.nemesis.redisResume();
    const requests = (0, client_1.entriesOf)((0, client_1.within)(r.history, { from: pause.endedAt, to: resume.startedAt }));
    await untilEveryCartServed(clients);
    // The checker's default window: after the last fault (the resume).
    const { check, lost } = (0, harness_1.cartsCheck)(r.history);
    return { requests, check, lost };
}
function pausedRow(r, params, clients, paused, facts) {
    return (0, row_1.matrixRow)(exports.ID, params, {
        variant: 'paused',
        clients,
        lost: paused.check,
        moved: 0,
        history: paused.requests,
        replicas: r.replicas,
        note: `slowest request while paused: ${facts.maxLatencyDuringPauseMs} ms`,
    });
}
function restartRow(r, params, clients, lost, history, facts) {
    const aof = params.redisPersistence === 'aof';
    const vanished = facts.lostAfterRestart;
    const told = vanished.filter((c) => facts.toldLostAfterRestart.includes(c)).length;
    const signal = vanished.length
        ? `${told} of ${vanished.length} clients whose session vanished were told ${exports.SESSION_LOST}`
        : `${facts.toldLostAfterRestart.length} clients told ${exports.SESSION_LOST}`;
    return (0, row_1.matrixRow)(exports.ID, params, {
        variant: aof ? 'restarted, AOF' : 'restarted',
        clients,
        lost,
        moved: 0,
        history,
        replicas: r.replicas,
        note: `redis-server restarted ${aof ? 'with AOF persistence (appendfsync always)' : 'without persistence'}; ${signal}`,
    });
}
/**
 * Each client's first answer after the restart from a service that could
 * read the store (a 503 while the replicas reconnect tells nothing): did it
 * say the session the client presented no longer exists? Later answers may
 * follow a write that created a fresh session.
 */
function toldLost(history, restart) {
    const first = new Map();
    const answered = (e) => e.status !== undefined && e.status < 500;
    for (const e of (0, client_1.entriesOf)((0, client_1.after)(history, restart)))
        if (answered(e) && !first.has(e.client))
            first.set(e.client, e);
    return [...first.values()].filter((e) => e.sessionStatus === exports.SESSION_LOST).map((e) => e.client).sort();
}
function brief(e) {
    return { status: e.status, outcome: e.outcome, ms: Math.round(e.endedAt - e.startedAt), error: e.error };
}
/**
 * The replicas reconnect by themselves, each in its own time: poll until a
 * round in which every client's cart read succeeds, so each client has a
 * final read to judge (one client's success says nothing of the replicas
 * that serve the others). Failed reads on the way stay in the history.
 */
async function untilEveryCartServed(clients) {
    await (0, wait_1.waitFor)('every client\'s cart read to succeed again after the Redis fault', async () => (await (0, harness_1.all)(clients, (c) => c.getCart())).every((x) => x.ok), {
        timeoutMs: 15_000,
        intervalMs: 200,
    });
}
//# sourceMappingURL=redis-outage.js.map