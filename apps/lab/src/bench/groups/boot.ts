import { waitFor } from '../../process/wait';
import type { StoreKind, Topology } from '../../topology/topology';
import { downTopology, timedTopology } from '../lab';
import { round } from '../load';
import type { BenchContext, BootResult } from '../model';

const REPLICAS = 3;

async function answers(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await res.arrayBuffer();
  return res.ok;
}

/** Every replica ready on its own address and nginx routing: what "up" means to a user. */
async function serving(t: Topology): Promise<void> {
  await waitFor(
    'every replica ready and nginx routing',
    async () => {
      const { replicas } = await t.status();
      const direct = await Promise.all(replicas.map((r) => answers(`${r.url}/health/ready`)));
      return direct.length === REPLICAS && direct.every(Boolean) && (await answers(`${t.url}/health/ready`));
    },
    { timeoutMs: 30_000, intervalMs: 20 },
  );
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Wall time from createTopology() to serving, for 3 replicas with and without Redis. */
export async function bootGroup(ctx: BenchContext): Promise<BootResult[]> {
  const results: BootResult[] = [];
  for (const store of ['memory', 'redis'] as StoreKind[]) {
    const samples: number[] = [];
    for (let i = 0; i < ctx.profile.boots; i++) {
      const t0 = process.hrtime.bigint();
      const { topology } = await timedTopology({
        strategy: 'round-robin',
        store,
        replicas: REPLICAS,
        sessionSecret: ctx.secret,
        env: { LOG_LEVEL: 'silent' },
      });
      try {
        await serving(topology);
        samples.push(round(Number(process.hrtime.bigint() - t0) / 1e6, 0));
      } finally {
        await downTopology(topology);
      }
    }
    const row: BootResult = { store, replicas: REPLICAS, samples_ms: samples, median_ms: median(samples) };
    ctx.log(`  ${store}: median ${row.median_ms} ms of ${samples.join(', ')} ms`);
    results.push(row);
  }
  return results;
}
