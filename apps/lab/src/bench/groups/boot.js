"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.median = median;
exports.bootGroup = bootGroup;
const node_os_1 = require("node:os");
const lab_1 = require("../lab");
const REPLICAS = 3;
function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/**
 * Wall time from createTopology() to serving, 3 replicas, with and without
 * Redis. The nginx group's topologies are such boots: their times count, and
 * only the missing samples are booted here.
 */
async function bootGroup(ctx) {
    const results = [];
    for (const store of ['memory', 'redis']) {
        while (lab_1.bootSamples[store].length < ctx.profile.boots) {
            const { topology } = await (0, lab_1.timedTopology)({
                strategy: 'round-robin',
                store,
                replicas: REPLICAS,
                sessionSecret: ctx.secret,
                env: { LOG_LEVEL: 'silent' },
            });
            await (0, lab_1.downTopology)(topology);
        }
        const samples = lab_1.bootSamples[store].map((b) => b.ms);
        const cpu = lab_1.bootSamples[store].map((b) => b.cpuMs);
        const row = {
            store,
            replicas: REPLICAS,
            samples_ms: samples,
            median_ms: median(samples),
            cpu_samples_ms: cpu,
            median_cpu_ms: median(cpu),
            idle_floor_ms: Math.round(median(cpu) / (0, node_os_1.cpus)().length),
        };
        ctx.log(`  ${store}: median ${row.median_ms} ms of ${samples.join(', ')} ms; CPU ${row.median_cpu_ms} ms`);
        results.push(row);
    }
    return results;
}
//# sourceMappingURL=boot.js.map