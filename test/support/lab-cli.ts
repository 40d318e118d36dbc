// Running the BUILT lab CLI (`node dist/apps/lab/main.js`, what `npm run lab --`
// runs) as a child process, the way a person uses it from another terminal.
import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const MAIN = join(ROOT, 'dist/apps/lab/main.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI with its state in `stateDir` (LAB_STATE_DIR), no colour, bounded in time. */
export function lab(stateDir: string, args: string[], timeoutMs = 240_000, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    const env = { ...process.env, LAB_STATE_DIR: stateDir, NO_COLOR: '1', ...extraEnv };
    execFile(process.execPath, [MAIN, ...args], { env, cwd: ROOT, timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: number }).code ?? null) : 0;
      done({ code: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}

/** A long-running CLI command (`logs -f`): its output so far, and its exit. */
export interface Running {
  child: ChildProcess;
  output(): Run;
  exited: Promise<Run>;
}

export function spawnLab(stateDir: string, args: string[]): Running {
  const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, LAB_STATE_DIR: stateDir, NO_COLOR: '1' }, cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const output = () => ({ code: child.exitCode, stdout, stderr });
  const exited = new Promise<Run>((done) => child.once('close', () => done(output())));
  return { child, output, exited };
}

export { pidAlive as alive } from '../../apps/lab/src/util/pid-alive';

/** Sources of an app edited after its last build (tsc -b rewrites the buildinfo whenever it builds). */
function staleBuild(): boolean {
  return ['lab', 'cart-api'].some((app) => {
    const info = join(ROOT, 'dist/tsbuildinfo', `${app}.tsbuildinfo`);
    if (!existsSync(info)) return true;
    const newer = execFileSync('find', [join(ROOT, 'apps', app, 'src'), '-name', '*.ts', '!', '-name', '*.spec.ts', '-newer', info]);
    return newer.toString().trim() !== '';
  });
}

/** `npm test` builds first; a direct `npx jest` run must not test a stale CLI. */
export function ensureBuilt(): void {
  if (existsSync(MAIN) && !staleBuild()) return;
  try {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
  } catch (err) {
    // tsc still emits on type errors elsewhere in the tree; only a missing CLI is fatal
    if (!existsSync(MAIN)) throw err;
    console.warn(`npm run build failed; testing the CLI as emitted:\n${String((err as { stdout?: Buffer }).stdout ?? err).slice(0, 2000)}`);
  }
}
