"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LIMITS = void 0;
exports.checkJob = checkJob;
exports.runSlice = runSlice;
// A load generator process: runs slices of load for the bench process, which
// sends jobs over IPC. It runs on cores of its own (see ../pinning.ts), so the
// CPU it needs is never taken from the servers it measures.
const node_fs_1 = require("node:fs");
const undici_1 = require("undici");
const cookies_1 = require("../cookies");
const REQUEST_TIMEOUT_MS = 10_000;
/** After a failed request a user waits this long, so a refused port is not a busy loop. */
const ERROR_PAUSE_MS = 20;
/** Bounds what one job may ask for: users, seconds, steps. */
exports.LIMITS = { users: 2_000, durationS: 600, steps: 1_000 };
function headerValues(v) {
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
function encode(step) {
    if (step.body === undefined)
        return { headers: {} };
    return { body: JSON.stringify(step.body), headers: { 'content-type': 'application/json' } };
}
async function userLoop(job, user, tally, rec, deadline) {
    const client = new undici_1.Client(job.url, {
        localAddress: user.address,
        pipelining: 1,
        headersTimeout: REQUEST_TIMEOUT_MS,
        bodyTimeout: REQUEST_TIMEOUT_MS,
    });
    const encoded = job.steps.map(encode);
    try {
        for (let i = 0; performance.now() < deadline; i++) {
            const step = job.steps[i % job.steps.length];
            const { body, headers } = encoded[i % job.steps.length];
            const t0 = performance.now();
            try {
                const res = await client.request({
                    method: step.method,
                    path: step.path,
                    body,
                    headers: user.cookie ? { ...headers, cookie: user.cookie } : headers,
                });
                const setCookie = headerValues(res.headers['set-cookie']);
                if (setCookie.length)
                    user.cookie = (0, cookies_1.mergeCookies)(user.cookie, setCookie);
                const read = job.inspectCart && step.method === 'GET' && step.path === '/cart';
                const text = read ? await res.body.text() : (await res.body.dump(), '');
                rec.latencies.push(performance.now() - t0);
                rec.completed++;
                if (res.statusCode < 200 || res.statusCode > 299)
                    count(rec, String(res.statusCode));
                else if (read)
                    tallyRead(tally, text);
            }
            catch (err) {
                count(rec, /timeout/i.test(err.name + err.message) ? 'timeout' : 'connection');
                await new Promise((r) => setTimeout(r, ERROR_PAUSE_MS));
            }
        }
    }
    finally {
        await client.destroy().catch(() => undefined);
    }
}
function count(rec, kind) {
    rec.errors[kind] = (rec.errors[kind] ?? 0) + 1;
}
function tallyRead(tally, body) {
    tally.reads++;
    if (!body.includes('"item_count":0'))
        tally.kept++;
}
function checkJob(job) {
    const bad = (why) => new Error(`bad generator job: ${why}`);
    if (!/^http:\/\/127\.\d+\.\d+\.\d+:\d+$/.test(job.url))
        throw bad(`url must be http://127.x.y.z:port, got ${job.url}`);
    if (!Array.isArray(job.users) || job.users.length < 1 || job.users.length > exports.LIMITS.users)
        throw bad(`1..${exports.LIMITS.users} users`);
    if (job.users.some((u) => !/^127\.\d+\.\d+\.\d+$/.test(u.address)))
        throw bad('every user address must be in 127.0.0.0/8');
    if (!(job.durationS > 0 && job.durationS <= exports.LIMITS.durationS))
        throw bad(`durationS in (0, ${exports.LIMITS.durationS}]`);
    if (!Array.isArray(job.steps) || job.steps.length < 1 || job.steps.length > exports.LIMITS.steps)
        throw bad(`1..${exports.LIMITS.steps} steps`);
}
/** Run-queue wait of this process's main thread so far, µs (/proc/self/schedstat, second field, ns). */
function runQueueWaitUs() {
    try {
        const ns = Number((0, node_fs_1.readFileSync)('/proc/self/schedstat', 'utf8').split(' ')[1]);
        return Number.isFinite(ns) ? ns / 1000 : null;
    }
    catch {
        return null;
    }
}
async function runSlice(job) {
    checkJob(job);
    const rec = { latencies: [], errors: {}, completed: 0 };
    const users = job.users.map((u) => ({ ...u }));
    const tallies = users.map(() => ({ reads: 0, kept: 0 }));
    const cpu0 = process.cpuUsage();
    const wait0 = runQueueWaitUs();
    const t0 = performance.now();
    const deadline = t0 + job.durationS * 1000;
    await Promise.all(users.map((u, i) => userLoop(job, u, tallies[i], rec, deadline)));
    const cpu = process.cpuUsage(cpu0);
    const wait1 = runQueueWaitUs();
    return {
        id: job.id,
        completed: rec.completed,
        errors: rec.errors,
        latenciesMs: Float64Array.from(rec.latencies),
        wallS: (performance.now() - t0) / 1000,
        cpuUs: cpu.user + cpu.system,
        waitUs: wait0 === null || wait1 === null ? null : wait1 - wait0,
        users,
        tallies,
    };
}
function reply(msg) {
    process.send?.(msg);
}
if (require.main === module) {
    // The bench process gone (closed IPC pipe): nothing left to measure for.
    process.on('disconnect', () => process.exit(0));
    process.on('message', (job) => {
        runSlice(job).then((result) => reply({ type: 'done', result }), (err) => reply({ type: 'failed', id: job?.id ?? -1, message: err instanceof Error ? err.message : String(err) }));
    });
}
//# sourceMappingURL=worker.js.map