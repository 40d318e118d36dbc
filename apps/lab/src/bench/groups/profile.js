"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.profileGroup = profileGroup;
exports.renderProfiles = renderProfiles;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const child_1 = require("../child");
const cases_1 = require("../cases");
const cpuprofile_1 = require("../cpuprofile");
const load_1 = require("../load");
const report_1 = require("../report");
const users_1 = require("../users");
const pinning_1 = require("../pinning");
/** Frames kept in summary.json (the table prints the first 15). */
const KEPT_FRAMES = 60;
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
/**
 * One server under `node --cpu-prof`, loaded with one route after a
 * warm-up; only the samples taken during the measured load are ranked.
 */
async function profileOne(ctx, dir, target) {
    const server = await target.start(['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${target.name}.cpuprofile`]);
    let load;
    let window;
    try {
        const users = await (0, users_1.createUsers)(server.url, ctx.profile.users);
        const spec = { url: server.url, steps: await target.steps(server.url), users, cpuPids: [server.pid] };
        (0, pinning_1.pinServerProcesses)(ctx.pinning);
        await (0, load_1.runLoad)(ctx.generator, spec, { durationS: ctx.profile.warmupS, warmupS: 0, rounds: 1 });
        const from = nowUs();
        load = await (0, load_1.runLoad)(ctx.generator, spec, { durationS: ctx.profile.durationS, warmupS: 0, rounds: 1 });
        window = [from, nowUs()];
    }
    catch (err) {
        await server.stop();
        throw err;
    }
    // The profile is written on a normal exit only.
    if (!(await server.stopGracefully()))
        throw new Error(`${target.name}: the server did not exit by itself, no profile written`);
    const file = (0, node_path_1.join)(dir, `${target.name}.cpuprofile`);
    if (!(0, node_fs_1.existsSync)(file))
        throw new Error(`${target.name}: no profile in ${dir} (${(0, node_fs_1.readdirSync)(dir).join(', ') || 'empty'})`);
    const summary = (0, cpuprofile_1.summarize)((0, cpuprofile_1.readCpuProfile)(file), window[0], window[1], KEPT_FRAMES);
    ctx.log(`  ${target.name}: ${load.server_cpu_us_per_req} µs CPU/req over ${load.requests} requests; ${summary.busy_ms} ms sampled`);
    return { name: target.name, file, load, window_us: window, summary };
}
async function profileGroup(ctx, outDir) {
    const dir = (0, node_path_1.join)(outDir, `profiles-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    (0, node_fs_1.mkdirSync)(dir, { recursive: true });
    const cartApi = (nodeArgs) => (0, cases_1.startReplica)(ctx, { store: 'memory', nodeArgs });
    const targets = [
        { name: 'cart-api-get-cart', start: cartApi, steps: async () => cases_1.GET_CART },
        { name: 'cart-api-post-cart-items', start: cartApi, steps: async (url) => (0, cases_1.postSteps)((await (0, users_1.productSkus)(url))[0]) },
        {
            name: 'peer-get-cart',
            start: (nodeArgs) => child_1.ChildServer.start({ script: ctx.paths.peer, env: { APP_NAME: 'peer', SESSION_SECRET: ctx.secret }, readyPath: '/health/live', nodeArgs }),
            steps: async () => cases_1.GET_CART,
        },
    ];
    const results = [];
    for (const t of targets)
        results.push(await profileOne(ctx, dir, t));
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'summary.json'), JSON.stringify(results, null, 2) + '\n');
    ctx.log(`  profiles and summary.json: ${dir}`);
    return results;
}
const pct = (share) => `${(share * 100).toFixed(1)} %`;
function renderProfiles(results) {
    const out = [];
    for (const r of results) {
        const note = r.summary.windowed ? '' : ' (whole profile: no sample fell in the load window)';
        out.push(`${r.name}: ${r.load.server_cpu_us_per_req} µs CPU/req, ${r.load.rps} req/s, ${r.summary.busy_ms} ms sampled${note}; ${r.file}`);
        out.push('');
        const inclusive = new Map(r.summary.inclusive_by_owner.map((f) => [f.owner, f]));
        out.push((0, report_1.table)(['owner', 'self ms', 'self share', 'on stack (upper bound)'], r.summary.by_owner.slice(0, 12).map((f) => [f.owner, f.self_ms, pct(f.share), inclusive.has(f.owner) ? pct(inclusive.get(f.owner).share) : ''])));
        out.push('');
        out.push((0, report_1.table)(['top self-time frames', 'owner', 'self ms', 'share'], r.summary.top_frames.slice(0, 15).map((f) => [f.frame, f.owner, f.self_ms, pct(f.share)])));
        out.push('');
    }
    return out.join('\n');
}
//# sourceMappingURL=profile.js.map