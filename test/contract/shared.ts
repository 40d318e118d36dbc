// One booted topology lent to the contract cases that leave it as they found
// it: a boot costs seconds on the process driver and tens of seconds under
// Compose, and most cases only need "two replicas, round-robin, all well".
// Each case still owns its state: a lend first checks that baseline and boots
// a fresh topology when it does not hold, so a case that failed half-way
// never hands its leftovers to the next.
import { LabClient } from '../../apps/lab/src/client';
import { createTopology, CreateTopologyOptions, Topology } from '../../apps/lab/src/topology';
import { waitFor } from '../../apps/lab/src/util/wait';

export const BASELINE_REPLICAS = ['app1', 'app2'];

export interface SharedTopology {
  lend<T>(body: (t: Topology) => Promise<T>): Promise<T>;
  down(): Promise<void>;
}

export function sharedTopology(opts: CreateTopologyOptions): SharedTopology {
  let current: Topology | undefined;
  const fresh = async (): Promise<Topology> => {
    const old = current;
    current = undefined;
    await old?.down();
    return (current = await createTopology(opts));
  };
  return {
    async lend(body) {
      const t = current && (await atBaseline(current)) ? current : await fresh();
      return body(t);
    },
    async down() {
      await current?.down();
      current = undefined;
    },
  };
}

/** Both replicas running, none marked down or draining, the balancer up and routing to both. */
export async function atBaseline(t: Topology): Promise<boolean> {
  const { replicas, balancer } = await t.status().catch(() => ({ replicas: [], balancer: undefined }));
  const clean = replicas.map((r) => r.name).join() === BASELINE_REPLICAS.join() && replicas.every((r) => r.state === 'running' && !r.markedDown && !r.draining);
  if (!clean || balancer?.state !== 'running') return false;
  return routesTo(t, BASELINE_REPLICAS);
}

/** Whether the balancer answers from every replica in `expected` within a bound (a restarted one may be held out for a while). */
async function routesTo(t: Topology, expected: string[]): Promise<boolean> {
  const u = new LabClient({ name: 'baseline', baseUrl: t.url });
  const seen = new Set<string>();
  try {
    await waitFor('the balancer to route to every replica', async () => {
      const r = await u.root();
      if (r.servedBy) seen.add(r.servedBy);
      return expected.every((n) => seen.has(n));
    }, { timeoutMs: 20_000, intervalMs: 50 });
    return true;
  } catch {
    return false;
  } finally {
    u.close();
  }
}
