"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readCpuProfile = readCpuProfile;
exports.ownerOf = ownerOf;
exports.summarize = summarize;
// Reads a V8 .cpuprofile (`node --cpu-prof`) and ranks frames by self time.
const node_fs_1 = require("node:fs");
const load_1 = require("./load");
function readCpuProfile(file) {
    const p = JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8'));
    if (!Array.isArray(p.nodes) || !Array.isArray(p.samples) || !Array.isArray(p.timeDeltas))
        throw new Error(`${file} is not a V8 cpu profile`);
    return p;
}
/** Who a frame belongs to, from its script URL: what a cut would have to touch. */
function ownerOf(url, functionName) {
    if (!url)
        return /^\(.*\)$/.test(functionName) ? functionName : '(native)';
    if (url.startsWith('node:'))
        return 'node';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg)
        return pkg[1];
    if (url.includes('/dist/apps/cart-api/') || url.includes('/apps/cart-api/'))
        return 'cart-api';
    if (url.includes('/dist/libs/') || url.includes('/libs/'))
        return 'libs';
    return url.replace(/^file:\/\//, '');
}
function frameName(n) {
    const { functionName, url, lineNumber } = n.callFrame;
    const where = url ? ` ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}` : '';
    return `${functionName || '(anonymous)'}${where}`;
}
/**
 * Self time per frame and per owner over the samples taken between `fromUs`
 * and `toUs` (V8 profile timestamps are the monotonic clock in µs, the one
 * process.hrtime reads), so the boot and the idle tail are left out.
 */
function summarize(p, fromUs, toUs, top = 15) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const inWindow = (t) => t >= fromUs && t <= toUs;
    let t = p.startTime;
    const times = p.samples.map((_, i) => (t += p.timeDeltas[i] ?? 0));
    const windowed = times.some(inWindow);
    const self = new Map();
    const owners = new Map();
    const inclusive = new Map();
    const stackOwners = ownersOnStack(p.nodes);
    let busy = 0;
    let counted = 0;
    p.samples.forEach((id, i) => {
        if (windowed && !inWindow(times[i]))
            return;
        const node = byId.get(id);
        if (!node || node.callFrame.functionName === '(idle)')
            return;
        const us = p.timeDeltas[i + 1] ?? 0;
        const name = frameName(node);
        const owner = ownerOf(node.callFrame.url, node.callFrame.functionName);
        const entry = self.get(name) ?? { owner, us: 0 };
        entry.us += us;
        self.set(name, entry);
        owners.set(owner, (owners.get(owner) ?? 0) + us);
        for (const o of stackOwners(id))
            inclusive.set(o, (inclusive.get(o) ?? 0) + us);
        busy += us;
        counted++;
    });
    const rank = (entries) => entries
        .sort((a, b) => b[2] - a[2])
        .slice(0, top)
        .map(([frame, owner, us]) => ({ frame, owner, self_ms: (0, load_1.round)(us / 1000, 1), share: busy ? (0, load_1.round)(us / busy, 3) : 0 }));
    return {
        busy_ms: (0, load_1.round)(busy / 1000, 1),
        samples: counted,
        windowed,
        top_frames: rank([...self].map(([frame, e]) => [frame, e.owner, e.us])),
        by_owner: rank([...owners].map(([owner, us]) => [owner, owner, us])),
        inclusive_by_owner: rank([...inclusive].map(([owner, us]) => [owner, owner, us])),
    };
}
/** The set of owners on the stack of each node, memoised (a profile has thousands of nodes, millions of samples). */
function ownersOnStack(nodes) {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of nodes)
        for (const c of n.children ?? [])
            parent.set(c, n.id);
    const memo = new Map();
    const get = (id) => {
        const known = memo.get(id);
        if (known)
            return known;
        const node = byId.get(id);
        const up = parent.get(id);
        const set = new Set(up === undefined ? [] : get(up));
        if (node?.callFrame.url)
            set.add(ownerOf(node.callFrame.url, node.callFrame.functionName));
        memo.set(id, set);
        return set;
    };
    return get;
}
//# sourceMappingURL=cpuprofile.js.map