// The topology's own promises: a shared Redis store keeps carts across a
// replica kill (and loses them on a Redis restart), and teardown — explicit,
// `await using`, or a crashed process — leaves no process or directory behind.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ackedItemsLost, LabClient } from '../../apps/lab/src/client';
import { processTree } from '../../apps/lab/src/util/reaper';
import { waitFor } from '../../apps/lab/src/util/wait';
import { createTopology, ProcessTopology } from '../../apps/lab/src/topology';
import { describeTopology, withTopology } from '../support/topology';
import { many, replicasOf } from '../support/topology-traffic';
import { alive } from '../support/lab-cli';

jest.setTimeout(120_000);

function livePids(topo: ProcessTopology): number[] {
  return topo.pids().filter((p): p is number => !!p).flatMap(processTree);
}

describeTopology('redis store on the process driver', 'redis', () => {
  it('a cart survives the kill of the replica that wrote it, and is gone after a Redis restart', () =>
    withTopology({ driver: 'process', strategy: 'round-robin', store: 'redis' }, async (topo) => {
      const c = new LabClient({ name: 'shopper', baseUrl: topo.url });
      try {
        const add = await c.addItem((await c.products()).body![0].sku, 2);
        expect(add.ok).toBe(true);
        await topo.kill(add.servedBy!);
        const after = await many(c, 4);
        expect(after.every((r) => r.ok)).toBe(true);
        expect(replicasOf(after)).not.toContain(add.servedBy);
        expect(ackedItemsLost(c.history).lost).toEqual([]);

        expect((await topo.status()).redis?.state).toBe('running');
        await topo.redisRestart();
        await waitFor('the replicas to reconnect to Redis', async () => (await c.getCart()).ok, { timeoutMs: 20_000, intervalMs: 200 });
        // No persistence: the session, and the cart in it, are gone; the checker says so.
        expect(ackedItemsLost(c.history).lost).toEqual([expect.objectContaining({ client: 'shopper', expectedQty: 2, seenQty: 0 })]);
      } finally {
        c.close();
      }
    }));
});

describeTopology('teardown of the process driver', 'memory', () => {
  it('down() (via `await using`) kills every process, removes the run dir, and is idempotent', async () => {
    let topo!: ProcessTopology;
    let pids: number[] = [];
    {
      await using t = await createTopology({ driver: 'process', strategy: 'round-robin', store: 'memory', replicas: 1 });
      expect(t).toBeInstanceOf(ProcessTopology);
      topo = t as ProcessTopology;
      pids = livePids(topo);
      // app1, the nginx master and its worker.
      expect(pids.length).toBeGreaterThanOrEqual(3);
      expect(existsSync(join(topo.runDir, 'app1.log'))).toBe(true);
    }
    expect(pids.filter(alive)).toEqual([]);
    expect(existsSync(topo.runDir)).toBe(false);
    await expect(topo.down()).resolves.toBeUndefined();
  });

  // The child prints its pids, then either exits (a crashed test) or waits for a SIGTERM nobody handles.
  it.each(['exit', 'SIGTERM'] as const)('a process that ends by %s without down() still takes its whole topology with it', async (how) => {
    const entry = join(__dirname, '../../dist/apps/lab/topology/index.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
    const script = `require(${JSON.stringify(entry)}).createTopology({ driver: 'process', strategy: 'ip-hash', store: 'redis', replicas: 1 })
      .then((t) => { console.log(JSON.stringify({ pids: t.pids(), runDir: t.runDir })); if (process.argv[1] === 'exit') process.exit(3); setInterval(() => {}, 1000); })
      .catch((e) => { console.error(e); process.exit(4); });`;
    const child = spawn(process.execPath, ['-e', script, how], { env: { ...process.env, LAB_KEEP_RUN_DIR: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | string | null>((r) => child.once('exit', (code, sig) => r(code ?? sig)));
    try {
      await waitFor(`the child lab to come up (${err})`, () => out.includes('\n'), { timeoutMs: 60_000, intervalMs: 100 });
      if (how === 'SIGTERM') child.kill('SIGTERM');
      expect(await exited).toBe(how === 'exit' ? 3 : 'SIGTERM');
    } finally {
      child.kill('SIGKILL');
    }
    const { pids, runDir } = JSON.parse(out) as { pids: number[]; runDir: string };
    // app1, nginx master, redis-server (nginx's worker is found and killed through /proc).
    expect(pids.filter(Boolean)).toHaveLength(3);
    await waitFor('every pid of the dead lab to be gone', () => pids.filter(Boolean).every((p) => !alive(p)), { timeoutMs: 5_000 });
    expect(existsSync(runDir)).toBe(false);
  });
});

describeTopology('session limits on the process driver', 'memory', () => {
  it('every replica, a scaled-out one too, runs the asked-for SESSION_TTL_SECONDS and SESSION_MAX, and status says so', () =>
    withTopology({ driver: 'process', strategy: 'round-robin', store: 'memory', replicas: 1, sessionTtlSeconds: 60, sessionMax: 1 }, async (topo) => {
      await topo.scale(2);
      const { session, replicas } = await topo.status();
      expect(session).toEqual({ ttlSeconds: 60, max: 1 });
      for (const r of replicas) {
        const env = readFileSync(`/proc/${r.pid}/environ`, 'utf8').split('\0');
        expect([r.name, env.filter((e) => e.startsWith('SESSION_TTL') || e.startsWith('SESSION_MAX'))]).toEqual([r.name, ['SESSION_TTL_SECONDS=60', 'SESSION_MAX=1']]);
      }
      // The cap is live: one session fits on app2, the next new one is refused.
      const [first, second] = ['first', 'second'].map((name) => new LabClient({ name, baseUrl: replicas[1].url }));
      try {
        const sku = (await first.products()).body![0].sku;
        expect((await first.addItem(sku)).status).toBe(201);
        expect((await second.addItem(sku)).status).toBe(503);
      } finally {
        first.close();
        second.close();
      }
    }));
});
