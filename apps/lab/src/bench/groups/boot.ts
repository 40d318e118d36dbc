import { cpus } from 'node:os';
import type { StoreKind } from '../../topology';
import { bootSamples, downTopology, timedTopology } from '../lab';
import type { BenchContext, BootResult } from '../model';

const REPLICAS = 3;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Wall time from createTopology() to serving, 3 replicas, with and without
 * Redis. The nginx group's topologies are such boots: their times count, and
 * only the missing samples are booted here.
 */
export async function bootGroup(ctx: BenchContext): Promise<BootResult[]> {
  const results: BootResult[] = [];
  for (const store of ['memory', 'redis'] as StoreKind[]) {
    while (bootSamples[store].length < ctx.profile.boots) {
      const { topology } = await timedTopology({
        strategy: 'round-robin',
        store,
        replicas: REPLICAS,
        sessionSecret: ctx.secret,
        env: { LOG_LEVEL: 'silent' },
      });
      await downTopology(topology);
    }
    const samples = bootSamples[store].map((b) => b.ms);
    const cpu = bootSamples[store].map((b) => b.cpuMs);
    const row: BootResult = {
      store,
      replicas: REPLICAS,
      samples_ms: samples,
      median_ms: median(samples),
      cpu_samples_ms: cpu,
      median_cpu_ms: median(cpu),
      idle_floor_ms: Math.round(median(cpu) / cpus().length),
    };
    ctx.log(`  ${store}: median ${row.median_ms} ms of ${samples.join(', ')} ms; CPU ${row.median_cpu_ms} ms`);
    results.push(row);
  }
  return results;
}
