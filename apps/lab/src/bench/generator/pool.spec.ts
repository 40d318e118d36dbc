// The bench side of the generator: a generator process that dies or refuses a
// job must fail the slice with a clear error, never hang the bench.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Generator } from './pool';

const unpinned = { pinned: false, servers: null, generator: null, generatorProcesses: 1, reason: 'test' };
const job = { url: 'http://127.0.0.1:1', steps: [{ method: 'GET' as const, path: '/' }], users: [{ address: '127.77.1.1', cookie: '' }], durationS: 0.1, inspectCart: false };

describe('generator pool', () => {
  let dir: string;
  const generators: Generator[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-pool-'));
  });
  afterAll(async () => {
    await Promise.all(generators.map((g) => g.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  function start(name: string, source: string): Generator {
    const script = join(dir, name);
    writeFileSync(script, source);
    const g = Generator.start(script, unpinned);
    generators.push(g);
    return g;
  }

  it('fails the slice when the generator process dies during it', async () => {
    const g = start('dies.js', "process.on('message', () => process.exit(3));");
    await expect(g.run(job)).rejects.toThrow(/generator process \d+ exited \(3\)/);
    // and every later slice fails at once instead of waiting
    await expect(g.run(job)).rejects.toThrow(/exited/);
  });

  it('passes on the reason a generator refused a job', async () => {
    const g = start('refuses.js', "process.on('message', (j) => process.send({ type: 'failed', id: j.id, message: 'bad generator job: nope' }));");
    await expect(g.run(job)).rejects.toThrow('generator: bad generator job: nope');
  });

  it('deals users out to several processes and puts their answers back in user order', async () => {
    const echo = `process.on('message', (j) => process.send({ type: 'done', result: {
      id: j.id, completed: j.users.length, errors: { x: 1 }, latenciesMs: new Float64Array(j.users.length), wallS: 0.1, cpuUs: 5, waitUs: 1,
      users: j.users, tallies: j.users.map((u) => ({ reads: Number(u.address.split('.')[2]), kept: 0 })) } }));`;
    const script = join(dir, 'echo.js');
    writeFileSync(script, echo);
    const g = Generator.start(script, { ...unpinned, generatorProcesses: 2 });
    generators.push(g);
    const users = [1, 2, 3].map((i) => ({ address: `127.77.${i}.1`, cookie: `c${i}` }));
    const r = await g.run({ ...job, users });
    expect(r.users).toEqual(users);
    expect(r.tallies.map((t) => t.reads)).toEqual([1, 2, 3]);
    expect([r.completed, r.errors, r.cpuUs, r.latenciesMs.length]).toEqual([3, { x: 2 }, 10, 3]);
  });
});
