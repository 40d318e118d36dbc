"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.rssOf = rssOf;
exports.memoryGroup = memoryGroup;
const node_fs_1 = require("node:fs");
const autocannon_1 = __importDefault(require("autocannon"));
const wait_1 = require("../../util/wait");
const load_1 = require("../load");
const users_1 = require("../users");
const cases_1 = require("../cases");
const pinning_1 = require("../pinning");
/** A first guess of how fast sessions are created; later counts use the measured rate. */
const GUESSED_SESSIONS_PER_S = 250;
const CREATORS = 10;
/** How long RSS may take to come back after the last session expired (V8's memory reducer needs idle seconds). */
const SETTLE_MS = { full: 20_000, quick: 5_000 };
/** Resident set size of a process, from the kernel rather than from the process itself. */
function rssOf(pid) {
    const status = (0, node_fs_1.readFileSync)(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    if (!kib)
        throw new Error(`no VmRSS for pid ${pid}`);
    return Number(kib) * 1024;
}
async function sessionsHeld(url) {
    const res = await fetch(`${url}/stats`, { signal: AbortSignal.timeout(5_000) });
    const stats = (await res.json());
    if (typeof stats.sessions !== 'number')
        throw new Error(`${url}/stats gives no session count`);
    return stats.sessions;
}
async function memoryGroup(ctx) {
    const results = [];
    let rate = GUESSED_SESSIONS_PER_S;
    for (const count of ctx.profile.sessionCounts) {
        const result = await holdSessions(ctx, count, ttlFor(count, rate));
        rate = Math.max(50, count / result.create_s);
        results.push(result);
    }
    return results;
}
/** Long enough that the first session outlives the creation of the last, short enough to wait for. */
function ttlFor(count, sessionsPerS) {
    return Math.max(6, Math.ceil((count / sessionsPerS) * 1.3) + 3);
}
async function holdSessions(ctx, count, ttl) {
    return (0, cases_1.withCleanup)(async (defer) => {
        const replica = await (0, cases_1.startReplica)(ctx, { name: 'app1', store: 'memory', ttlSeconds: ttl });
        defer(() => replica.stop());
        const skus = await (0, users_1.productSkus)(replica.url);
        await warmUp(ctx, replica, skus[0]);
        const rssStart = rssOf(replica.pid);
        ctx.log(`  creating ${count} sessions with a 3-line cart (TTL ${ttl} s) …`);
        const before = await sessionsHeld(replica.url);
        const t0 = Date.now();
        // autocannon runs in the bench process: on the generator cores, so it does not take the replica's.
        await (0, pinning_1.onGeneratorCores)(ctx.pinning, () => createSessions(replica.url, skus, count));
        const createS = (Date.now() - t0) / 1000;
        const held = Math.max(0, (await sessionsHeld(replica.url)) - before);
        const rssHeld = rssOf(replica.pid);
        const perSession = held > 0 ? Math.round((rssHeld - rssStart) / held) : 0;
        ctx.log(`  ${held} sessions held, ${perSession} B/session; waiting for expiry …`);
        const t1 = Date.now();
        await (0, wait_1.waitFor)(`${count} sessions to expire`, async () => (await sessionsHeld(replica.url)) === 0, {
            timeoutMs: (ttl + 60) * 1000,
            intervalMs: 1000,
        });
        const rssAfter = await settledRss(replica.pid, rssStart, SETTLE_MS[ctx.profile.mode]);
        ctx.log(`  expired after ${Math.round((Date.now() - t1) / 1000)} s; RSS ${mib(rssAfter)} MiB vs ${mib(rssStart)} MiB at start`);
        return {
            sessions: count,
            sessions_held: held,
            ttl_s: ttl,
            create_s: (0, load_1.round)(createS, 1),
            rss_start_bytes: rssStart,
            rss_held_bytes: rssHeld,
            bytes_per_session: perSession,
            rss_after_expiry_bytes: rssAfter,
            after_expiry_ratio: (0, load_1.round)(rssAfter / rssStart, 3),
            expiry_wait_s: (0, load_1.round)((Date.now() - t1) / 1000, 1),
            note: held < count ? `${count - held} sessions expired before creation finished` : undefined,
        };
    });
}
function mib(bytes) {
    return (0, load_1.round)(bytes / 2 ** 20, 1);
}
const WARM_UP_USERS = 10;
/**
 * Runs the code paths of the measurement (cart writes and reads) until the
 * JIT and the heap reach their working size, on a handful of sessions, so
 * that the RSS growth measured next is the sessions' and not the warm-up's.
 */
async function warmUp(ctx, replica, sku) {
    const users = await (0, users_1.createUsers)(replica.url, WARM_UP_USERS);
    (0, pinning_1.pinServerProcesses)(ctx.pinning);
    const steps = [...cases_1.GET_CART, ...(0, cases_1.postSteps)(sku)];
    await (0, load_1.runLoad)(ctx.generator, { url: replica.url, steps, users }, { durationS: ctx.profile.durationS, warmupS: 0, rounds: 1 });
}
/**
 * Polls RSS with a bound: V8 gives memory back only after a major GC, which
 * its memory reducer runs once the process has gone idle.
 */
async function settledRss(pid, start, boundMs) {
    let last = rssOf(pid);
    try {
        await (0, wait_1.waitFor)('RSS back within 10 % of its start', () => (last = rssOf(pid)) <= start * 1.1, {
            timeoutMs: boundMs,
            intervalMs: 500,
        });
    }
    catch {
        // Not back within the bound: report what it is.
    }
    return last;
}
/**
 * `count` sessions, each one POST without a cookie (creates the session)
 * followed by two POSTs with it: a 3-line cart. autocannon resets the
 * per-connection context at the end of each sequence, so each loop is a new user.
 */
async function createSessions(url, skus, count) {
    const capture = (_status, _body, context, headers) => {
        const setCookie = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'set-cookie')?.[1];
        const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
        if (typeof first === 'string')
            context.cookie = first.split(';')[0];
    };
    const withCookie = (req, context) => ({
        ...req,
        headers: { ...req.headers, cookie: context.cookie ?? '' },
    });
    const headers = { 'content-type': 'application/json' };
    const line = (i) => JSON.stringify({ sku: skus[i % skus.length], qty: 1 });
    const result = await (0, autocannon_1.default)({
        url,
        connections: CREATORS,
        amount: count * 3,
        timeout: 30,
        requests: [
            { method: 'POST', path: '/cart/items', headers, body: line(0), onResponse: capture },
            { method: 'POST', path: '/cart/items', headers, body: line(1), setupRequest: withCookie },
            { method: 'POST', path: '/cart/items', headers, body: line(2), setupRequest: withCookie },
        ],
    });
    const failed = result.errors + result.timeouts + result.non2xx;
    if (failed > count * 0.01)
        throw new Error(`creating sessions: ${failed} of ${count * 3} requests failed`);
}
//# sourceMappingURL=memory.js.map