// The readiness checks must end every attempt on their own. Run in a child
// process holding nothing else, as `lab report` does while it waits: if an
// attempt could stay pending with no timer keeping the process alive, the
// child would exit 0 mid-wait, having printed nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModuleKind, ScriptTarget, transpileModule } from 'typescript';

const dir = mkdtempSync(join(tmpdir(), 'compose-http-'));
for (const [src, out] of [
  [join(__dirname, 'http.ts'), 'http.js'],
  [join(__dirname, '..', '..', '..', 'util', 'wait.ts'), 'wait.js'],
]) {
  const js = transpileModule(readFileSync(src, 'utf8'), { compilerOptions: { module: ModuleKind.CommonJS, target: ScriptTarget.ES2022 } });
  writeFileSync(join(dir, out), js.outputText);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Like Docker's proxy before the container listens: accepts, then closes without a word. */
function closingServer(): Promise<Server> {
  const server = createServer((s: Socket) => s.destroy());
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function runChild(script: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['-e', script], { cwd: dir, timeout: 20_000 }, (err, stdout) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout });
    });
    child.stdin?.end();
  });
}

describe('compose readiness checks', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = await closingServer();
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('a readiness wait on a port that accepts and closes ends in a timeout, not a silent exit', async () => {
    const script = `
      const { replicaReady } = require('./http.js');
      const { waitFor } = require('./wait.js');
      waitFor('ready', () => replicaReady(${JSON.stringify(url)}), { timeoutMs: 1500, intervalMs: 20 })
        .then(() => console.log('READY'), (e) => console.log('WAIT-ENDED ' + e.message));
    `;
    const { code, stdout } = await runChild(script);
    expect(stdout).toMatch(/^WAIT-ENDED timed out after 1500 ms waiting for ready/m);
    expect(code).toBe(0);
  });

  it('one attempt answers null within its bound', async () => {
    const script = `
      const { get, getText } = require('./http.js');
      const t = Date.now();
      Promise.all([get(${JSON.stringify(url)}, 400), getText(${JSON.stringify(url)}, 400)])
        .then((r) => console.log('ANSWER ' + JSON.stringify(r) + ' ' + (Date.now() - t)));
    `;
    const { stdout } = await runChild(script);
    const m = /^ANSWER (\S+) (\d+)$/m.exec(stdout);
    expect(m).not.toBeNull();
    expect(JSON.parse(m![1])).toEqual([null, null]);
    expect(Number(m![2])).toBeLessThan(5_000);
  });
});
