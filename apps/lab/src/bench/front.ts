import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../util/free-port';
import { startHaproxyFront } from '../topology/drivers/process/haproxy-front';
import { startNginxFront } from '../topology/drivers/process/nginx-front';
import type { BalancerEngine } from '../vocabulary';

/** Where the bench's users' source addresses live. */
export const BENCH_RATE_EXEMPT = '127.0.0.0/8';

/**
 * The topology's own balancer front (round-robin) before one server, in a run
 * dir of its own, so a case pays exactly the hop the cart-api pays in the lab.
 */
export interface BenchFront {
  url: string;
  /** The master; its workers are its children. */
  pid: number;
  stop(): Promise<void>;
}

export async function startBenchFront(engine: BalancerEngine, upstream: { host?: string; port: number }): Promise<BenchFront> {
  const runDir = mkdtempSync(join(tmpdir(), `bench-${engine}-`));
  const removeRunDir = () => rmSync(runDir, { recursive: true, force: true });
  try {
    // The users live in 127.0.0.0/8 and push far past 100 r/s each: the
    // hop is measured, not the flood limit's 429s.
    const common = {
      strategy: 'round-robin' as const,
      runDir,
      port: await freePort(),
      // A lab replica listens on its own fixed address (127.88.S.N), a bench server on 127.0.0.1.
      replicas: [{ name: 'app1', host: upstream.host ?? '127.0.0.1', port: upstream.port }],
      rateExempt: BENCH_RATE_EXEMPT,
    };
    const front = engine === 'haproxy' ? await startHaproxyFront(common) : await startNginxFront(common);
    return { url: front.url, pid: front.pid ?? -1, stop: () => front.stop().finally(removeRunDir) };
  } catch (err) {
    removeRunDir();
    throw err;
  }
}
