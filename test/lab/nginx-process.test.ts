// NginxProcess: nginx -t before start and reload, generation-confirmed
// reloads, nothing left behind by stop/kill, and the JSON access log.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchGeneration, readAccessLog, renderNginx, runPaths } from '../../apps/lab/src/nginx';
import { NginxLab } from '../support/nginx/nginx-lab';
import { NginxPortInUseError, NginxProcess } from '../../apps/lab/src/nginx/process';
import { waitFor } from '../../apps/lab/src/util/wait';

jest.setTimeout(60_000);

/** True while any process of the group led by `pid` exists. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('NginxProcess', () => {
  let lab: NginxLab;
  beforeEach(async () => {
    lab = await NginxLab.start({ strategy: 'round-robin' });
  });
  afterEach(async () => {
    await lab?.close();
  });

  it('confirms a reload by the generation nginx answers', () =>
    lab.check(async () => {
      expect(await fetchGeneration(lab.nginx.listen)).toBe('1');
      await lab.reconfigure({ down: ['app1'] });
      expect(await fetchGeneration(lab.nginx.listen)).toBe('2');
      expect(await lab.many(10)).toEqual({ app2: 5, app3: 5 });
    }));

  it('refuses a bad config on reload and keeps serving the old one', () =>
    lab.check(async () => {
      writeFileSync(runPaths(lab.runDir).strategyConf, 'upstream broken { no_such_directive; }\n');
      await expect(lab.nginx.reload(undefined, 2)).rejects.toThrow(/nginx -t failed[\s\S]*no_such_directive/);
      expect(await fetchGeneration(lab.nginx.listen)).toBe('1');
      expect((await lab.get('/')).status).toBe(200);
    }));

  it('stop() leaves no master or worker behind and frees the port', () =>
    lab.check(async () => {
      const pid = lab.nginx.pid!;
      expect(groupAlive(pid)).toBe(true);
      await lab.nginx.stop();
      expect(groupAlive(pid)).toBe(false);
      expect(await fetchGeneration(lab.nginx.listen)).toBeNull();
    }));

  it('kill() takes the workers down with the master', () =>
    lab.check(async () => {
      const pid = lab.nginx.pid!;
      await lab.nginx.kill();
      expect(groupAlive(pid)).toBe(false);
      expect(lab.nginx.running).toBe(false);
    }));

  it('logs one JSON line per proxied request, with client, replica and cookies', () =>
    lab.check(async () => {
      await lab.get('/cart', { from: '127.0.4.2', headers: { Cookie: 'sid=s%3Aabc; route=app9' } });
      const entries = await waitFor('the access log line', async () => {
        const all = await readAccessLog(lab.runDir);
        return all.length ? all : null;
      });
      expect(entries.at(-1)).toMatchObject({
        remote_addr: '127.0.4.2',
        request: 'GET /cart HTTP/1.1',
        status: 200,
        served_by: expect.stringMatching(/^app[123]$/),
        upstream_addr: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
        sid_fp: '',
        cookie_route: 'app9',
      });
    }));
});

/** Pids whose command line mentions `text` (Linux /proc; empty elsewhere). */
function processesMentioning(text: string): number[] {
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  return pids.map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
    } catch {
      return false;
    }
  });
}

describe('NginxProcess.start', () => {
  let runDir: string;
  beforeEach(() => {
    runDir = mkdtempSync(join(tmpdir(), 'lab-nginx-start-'));
  });
  afterEach(() => rmSync(runDir, { recursive: true, force: true }));

  it("throws a port-in-use error carrying nginx's own message when the port is taken, and leaves nothing running", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await renderNginx({
        strategy: 'round-robin',
        replicas: [{ name: 'app1', host: '127.0.0.1', port: 1 }],
        listen: { host: '127.0.0.1', port },
        runDir,
        generation: 1,
      });
      const started = NginxProcess.start({ runDir, confPath: r.confPath, startTimeoutMs: 20_000 });
      await expect(started).rejects.toThrow(NginxPortInUseError);
      await expect(started).rejects.toThrow(/port is in use[\s\S]*Address already in use/);
      expect(processesMentioning(runDir)).toEqual([]);
    } finally {
      blocker.close();
    }
  });
});
