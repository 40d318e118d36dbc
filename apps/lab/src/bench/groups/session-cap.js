"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SESSION_CAP_HEADER = exports.ASKED_ATTEMPTS = void 0;
exports.sessionCapGroup = sessionCapGroup;
exports.renderSessionCap = renderSessionCap;
// What SESSION_MAX does to one replica with the memory store: sessions are
// created straight against the replica (nginx's per-address limit would
// refuse the flood first) until the cap, then a flood of further creation
// attempts must be refused with 503 while RSS stays at the cap's bound.
const autocannon_1 = __importDefault(require("autocannon"));
const child_1 = require("../child");
const load_1 = require("../load");
const users_1 = require("../users");
const cases_1 = require("../cases");
const memory_1 = require("./memory");
/** The attempts the issue asks about; scaled down when they would not fit the time budget. */
exports.ASKED_ATTEMPTS = 1_000_000;
const SETTINGS = {
    full: { cap: 20_000, budgetS: 60 },
    quick: { cap: 1_000, budgetS: 5 },
};
const CONNECTIONS = 10;
/** Attempts per autocannon run; the time budget is checked between runs (≈ 1–10 s each). */
const CHUNK = 1_000;
/** Sessions created before RSS is first read, so the JIT and the heap are warm; they count against the cap. */
const WARM_UP = 200;
async function sessionCapGroup(ctx) {
    const { cap, budgetS } = SETTINGS[ctx.profile.mode];
    if (cap <= WARM_UP)
        throw new Error(`SESSION_MAX ${cap} must exceed the ${WARM_UP} warm-up sessions`);
    return (0, cases_1.withCleanup)(async (defer) => {
        const replica = await startCapped(ctx, cap);
        defer(() => replica.stop());
        const sku = (await (0, users_1.productSkus)(replica.url))[0];
        const warm = await creations(replica.url, sku, WARM_UP);
        const rssStart = (0, memory_1.rssOf)(replica.pid);
        ctx.log(`  filling to SESSION_MAX=${cap} …`);
        const fill = await creations(replica.url, sku, cap - warm.status[201]);
        const held = await sessionsHeld(replica.url);
        const rssFull = (0, memory_1.rssOf)(replica.pid);
        const filled = held - warm.status[201];
        const perSession = filled > 0 ? Math.round((rssFull - rssStart) / filled) : 0;
        ctx.log(`  ${held} held, ${perSession} B/session; creation attempts for up to ${budgetS} s …`);
        const flood = await attemptsWithin(replica.url, sku, budgetS * 1000);
        const rssEnd = (0, memory_1.rssOf)(replica.pid);
        const bound = Math.round((rssStart + (cap - warm.status[201]) * perSession) * 1.1);
        const result = {
            session_max: cap,
            attempts: flood.requests,
            scaled: flood.requests < exports.ASKED_ATTEMPTS,
            warmup_sessions: warm.status[201],
            created_201: fill.status[201] + flood.status[201],
            refused_503: flood.status[503] + fill.status[503],
            other: fill.other + flood.other,
            sessions_held: await sessionsHeld(replica.url),
            rss_start_bytes: rssStart,
            rss_full_bytes: rssFull,
            rss_end_bytes: rssEnd,
            bytes_per_session: perSession,
            rss_bound_bytes: bound,
            fill_s: (0, load_1.round)(fill.seconds, 1),
            attempts_s: (0, load_1.round)(flood.seconds, 1),
            attempts_per_s: Math.round(flood.requests / Math.max(flood.seconds, 0.001)),
            within_bound: rssEnd <= bound,
            note: flood.requests < exports.ASKED_ATTEMPTS ? `scaled: ${flood.requests} of ${exports.ASKED_ATTEMPTS} attempts fit ${budgetS} s` : `all ${exports.ASKED_ATTEMPTS} attempts`,
        };
        ctx.log(`  201 ×${result.created_201}, 503 ×${result.refused_503}, other ×${result.other}; RSS ${mib(rssEnd)} MiB (bound ${mib(bound)} MiB)`);
        return [result];
    });
}
/** One replica from the build output with the memory store, a TTL longer than the run, and the cap under test. */
function startCapped(ctx, cap) {
    const env = {
        APP_NAME: 'app1',
        SESSION_STORE: 'memory',
        SESSION_SECRET: ctx.secret,
        SESSION_MAX: String(cap),
        SESSION_TTL_SECONDS: '3600',
        LOG_LEVEL: 'silent',
        COOKIE_SECURE: 'false',
    };
    return child_1.ChildServer.start({ script: ctx.paths.cartApi, env, readyPath: '/health/ready' });
}
/**
 * Creation attempts in chunks until ASKED_ATTEMPTS or the time budget is
 * spent: the rate at the cap is not the rate below it, so the count cannot
 * be planned from the fill.
 */
async function attemptsWithin(url, sku, budgetMs) {
    const total = { requests: 0, seconds: 0, status: { 201: 0, 503: 0 }, other: 0 };
    const t0 = Date.now();
    while (total.requests < exports.ASKED_ATTEMPTS && Date.now() - t0 < budgetMs) {
        const chunk = await creations(url, sku, Math.min(CHUNK, exports.ASKED_ATTEMPTS - total.requests));
        total.requests += chunk.requests;
        total.status[201] += chunk.status[201];
        total.status[503] += chunk.status[503];
        total.other += chunk.other;
    }
    total.seconds = (Date.now() - t0) / 1000;
    return total;
}
/** `count` cookie-less POSTs, each asking for a new session with a one-line cart. */
async function creations(url, sku, count) {
    const t0 = Date.now();
    const result = await (0, autocannon_1.default)({
        url,
        connections: CONNECTIONS,
        amount: count,
        timeout: 30,
        requests: [{ method: 'POST', path: '/cart/items', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sku, qty: 1 }) }],
    });
    const seconds = (Date.now() - t0) / 1000;
    const codes = result.statusCodeStats ?? {};
    const n = (code) => codes[String(code)]?.count ?? 0;
    const answered = Object.values(codes).reduce((sum, s) => sum + s.count, 0);
    const status = { 201: n(201), 503: n(503) };
    return { requests: count, seconds, status, other: count - status[201] - status[503] + Math.max(0, answered - count) };
}
async function sessionsHeld(url) {
    const res = await fetch(`${url}/stats`, { signal: AbortSignal.timeout(5_000) });
    const stats = (await res.json());
    if (typeof stats.sessions !== 'number')
        throw new Error(`${url}/stats gives no session count`);
    return stats.sessions;
}
const mib = (bytes) => (0, load_1.round)(bytes / 2 ** 20, 1);
/** The rows the bench prints: what the cap did, and the memory it held to. */
function renderSessionCap(rows) {
    return rows.map((r) => [
        String(r.session_max),
        `${r.attempts}${r.scaled ? ' (scaled)' : ''}`,
        String(r.created_201),
        String(r.refused_503),
        String(r.other),
        String(r.sessions_held),
        String(r.bytes_per_session),
        `${mib(r.rss_end_bytes)} / ${mib(r.rss_bound_bytes)}${r.within_bound ? '' : ' (over)'}`,
        `${r.attempts_s} s (${r.attempts_per_s}/s)`,
    ]);
}
exports.SESSION_CAP_HEADER = ['SESSION_MAX (memory, 1-line cart)', 'attempts', '201', '503', 'other', 'held', 'B/session', 'RSS end / bound MiB', 'attempts took'];
//# sourceMappingURL=session-cap.js.map