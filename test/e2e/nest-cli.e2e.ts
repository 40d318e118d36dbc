// The Nest CLI is the way a Nest developer builds and runs cart-api:
// `nest build` gives the same dist/ as `npm run build` (tsc -b), and
// `npm run start:dev` restarts the service when a source file changes.
// Both run in a temporary copy, so the checkout's dist/ is never touched.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { waitFor } from '../../apps/lab/src/util/wait';
import { builtEntryMissing } from '../support/cart-api-process';

// Full compiles of cart-api and the lab on a loaded 2-core machine.
jest.setTimeout(240_000);

const ROOT = join(__dirname, '../..');
const missing = builtEntryMissing();
if (missing) throw new Error(missing);

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** cart-api, lab and libs sources with the project's configs; node_modules linked, not copied. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nest-cli-'));
  cpSync(join(ROOT, 'apps/cart-api'), join(dir, 'apps/cart-api'), { recursive: true });
  cpSync(join(ROOT, 'apps/lab/src'), join(dir, 'apps/lab/src'), { recursive: true });
  cpSync(join(ROOT, 'apps/lab/tsconfig.app.json'), join(dir, 'apps/lab/tsconfig.app.json'));
  for (const f of files(join(ROOT, 'libs'), (n) => n.endsWith('.ts') || n === 'tsconfig.json')) {
    cpSync(join(ROOT, 'libs', f), join(dir, 'libs', f));
  }
  for (const f of ['tsconfig.json', 'nest-cli.json', 'package.json']) cpSync(join(ROOT, f), join(dir, f));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function nest(dir: string, ...args: string[]): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), ...args], { cwd: dir, stdio: 'pipe' });
}

function listeningPorts(out: string): number[] {
  return [...out.matchAll(/^\{"listening":\{"host":"[^"]+","port":(\d+)/gm)].map((m) => Number(m[1]));
}

describe('the Nest CLI (nest-cli.json)', () => {
  let dir: string;
  let dev: ChildProcess | undefined;
  beforeAll(() => {
    dir = copyProject();
  });
  afterAll(async () => {
    // start:dev is npm → nest → node main.js: end the whole process group.
    if (dev?.pid && dev.exitCode === null) {
      process.kill(-dev.pid, 'SIGKILL');
      await new Promise((r) => dev!.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** The files `nest build` wrote under dist/<sub> that differ from npm run build's (or are missing on either side). */
  function differsFromNpmBuild(sub: string): { count: number; differing: string[] } {
    const built = join(ROOT, 'dist', sub);
    const emitted = files(join(dir, 'dist', sub), () => true);
    // tsc -b never deletes an output whose source is gone: such a file in
    // this checkout's dist/ is stale, not something npm run build emits.
    const fromSource = (f: string) => !/\.js(\.map)?$/.test(f) || existsSync(join(ROOT, sub, 'src', f.replace(/\.js(\.map)?$/, '.ts')));
    expect(emitted).toEqual(files(built, () => true).filter(fromSource));
    return { count: emitted.length, differing: emitted.filter((f) => !readFileSync(join(dir, 'dist', sub, f)).equals(readFileSync(join(built, f)))) };
  }

  it('nest build libs, cart-api and lab emit the same files, byte for byte, as npm run build', () => {
    nest(dir, 'build', 'libs');
    nest(dir, 'build', 'cart-api');
    nest(dir, 'build', 'lab');
    const api = differsFromNpmBuild('apps/cart-api');
    expect([api.count > 20, api.differing]).toEqual([true, []]);
    const lab = differsFromNpmBuild('apps/lab');
    expect([lab.count > 100, lab.differing]).toEqual([true, []]);
    const libJs = files(join(ROOT, 'libs'), (n) => n.endsWith('.js'));
    expect(libJs.filter((f) => !readFileSync(join(dir, 'libs', f)).equals(readFileSync(join(ROOT, 'libs', f))))).toEqual([]);
  });

  it('npm run start:dev restarts cart-api on a source change, and the new process answers', async () => {
    let out = '';
    dev = spawn('npm', ['run', '-s', 'start:dev'], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', APP_NAME: 'watched', SESSION_SECRET: 's', LOG_LEVEL: 'info' },
    });
    dev.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    dev.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const bound = { timeoutMs: 150_000, intervalMs: 200 };
    const first = await waitFor('the first listening line', () => listeningPorts(out)[0], bound);
    const before = await (await fetch(`http://127.0.0.1:${first}/`)).json();
    expect(before.message).toBe('Hello from watched');

    const source = join(dir, 'apps/cart-api/src/info/info.controller.ts');
    writeFileSync(source, readFileSync(source, 'utf8').replace('`Hello from ${', '`Hello again from ${'));
    const second = await waitFor('a second listening line', () => listeningPorts(out)[1], bound);
    const after = await (await fetch(`http://127.0.0.1:${second}/`)).json();
    expect([after.message, after.process_id === before.process_id]).toEqual(['Hello again from watched', false]);
  });
});
