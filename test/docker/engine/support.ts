// Running the repository's compose files for real, the way the README does,
// under a project name of the test's own and no fixed host port.
//
// `npm run test:docker` sets LAB_REQUIRE_DOCKER=1: with no engine a suite
// then FAILS at load. Anywhere else it is skipped, and says why.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeUnavailableReason } from '../../../apps/lab/src/topology/drivers/compose/cli';
import { waitFor } from '../../../apps/lab/src/util/wait';
import { noteSkip } from '../../support/skip';

export const ROOT = join(__dirname, '..', '..', '..');
/** Every project a test starts is named `sstest-<jest pid>-<random>`: the sweep finds the dead ones. */
export const PREFIX = 'sstest-';
const LABEL = 'com.docker.compose.project';

/** `describe` when an engine answers; otherwise skips with the reason, or fails under test:docker. */
export function describeDocker(suite: string): jest.Describe {
  const reason = composeUnavailableReason();
  if (!reason) return describe;
  if (process.env.LAB_REQUIRE_DOCKER === '1') throw new Error(`${suite}: npm run test:docker needs a Docker engine: ${reason}`);
  noteSkip(`${suite}: ${reason}`);
  return describe.skip;
}

/** The stand-in image settings `npm run docker:offline` wrote, when it has run. */
export function offlineEnv(): Record<string, string> {
  const file = join(ROOT, '.docker-offline.env');
  if (!existsSync(file)) return {};
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2];
  }
  return env;
}

// The compose driver (test/docker/engine/compose-driver.docker.ts) reads the image
// variables from the environment, as a user's shell would after sourcing it.
for (const [k, v] of Object.entries(offlineEnv())) process.env[k] ??= v;

export interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

export function sh(file: string, args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 32 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}

export class Project {
  readonly env: Record<string, string>;

  /** `name`: another view (other files) of an existing project. */
  constructor(
    readonly files: string[],
    env: Record<string, string> = {},
    readonly name = `${PREFIX}${process.pid}-${randomBytes(3).toString('hex')}`,
  ) {
    // LAB_HTTP_PORT empty: Docker picks the host port (read with `port`).
    this.env = { ...offlineEnv(), LAB_HTTP_PORT: '', ...env };
  }

  /** `docker compose -p NAME -f … ARGS`; rejects with the output when it fails. */
  async compose(args: string[], opts: { env?: Record<string, string>; timeoutMs?: number; allowFail?: boolean } = {}): Promise<Run> {
    const argv = ['compose', '-p', this.name, ...this.files.flatMap((f) => ['-f', f]), ...args];
    const r = await sh('docker', argv, { ...this.env, ...opts.env }, opts.timeoutMs ?? 10 * 60_000);
    if (r.code !== 0 && !opts.allowFail) throw new Error(`docker ${argv.join(' ')} exited ${r.code}: ${(r.stderr || r.stdout).trim().slice(-2000)}`);
    return r;
  }

  async port(service = 'nginx', containerPort = 80): Promise<number> {
    const out = (await this.compose(['port', service, String(containerPort)])).stdout.trim();
    const port = Number(/:(\d+)$/.exec(out)?.[1]);
    if (!(port > 0)) throw new Error(`no host port for ${service}:${containerPort} in "${out}"`);
    return port;
  }

  /** Container names of this project (all states), from the engine itself. */
  async containers(): Promise<string[]> {
    const r = await sh('docker', ['ps', '-a', '--filter', `label=${LABEL}=${this.name}`, '--format', '{{.Names}}']);
    return r.stdout.split('\n').filter(Boolean).sort();
  }

  async networks(): Promise<string[]> {
    const r = await sh('docker', ['network', 'ls', '--filter', `label=${LABEL}=${this.name}`, '--format', '{{.Name}}']);
    return r.stdout.split('\n').filter(Boolean).sort();
  }

  /** Polls the engine's health status until every service is healthy (`up --wait` gives up on "unhealthy"). */
  async untilHealthy(services: string[], timeoutMs = 120_000): Promise<void> {
    await waitFor(`${services.join(', ')} to be healthy`, async () => {
      for (const s of services) {
        const id = (await this.compose(['ps', '-q', s])).stdout.trim();
        const health = id ? (await sh('docker', ['inspect', '-f', '{{.State.Health.Status}}', id])).stdout.trim() : '';
        if (health !== 'healthy') return false;
      }
      return true;
    }, { timeoutMs, intervalMs: 1_000 });
  }

  /** Runs `body`; when it fails, the project's logs (nginx's error log first) join the error. */
  async withLogs<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (err) {
      const logs = await this.compose(['logs', '--no-color', '--tail', '60'], { allowFail: true });
      const text = `${logs.stdout}${logs.stderr}`.split('\n').filter((l) => !/"status":200/.test(l)).slice(-80).join('\n');
      (err as Error).message += `\n--- docker compose logs (tail, 200s left out) ---\n${text}`;
      throw err;
    }
  }

  /** `down` as the docs say it, then the proof: no container, network or volume left. */
  async down(extra: string[] = []): Promise<void> {
    await this.compose(['down', '-v', '--remove-orphans', '-t', '3', ...extra], { allowFail: true });
    sweepProject(this.name);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function dockerLines(args: string[]): string[] {
  try {
    return execFileSync('docker', args, { env: process.env, timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] }).toString().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** Removes every container, network and volume carrying the project's label. */
export function sweepProject(project: string): void {
  const filter = `label=${LABEL}=${project}`;
  const ids = dockerLines(['ps', '-aq', '--filter', filter]);
  if (ids.length) dockerLines(['rm', '-f', '-v', ...ids]);
  const nets = dockerLines(['network', 'ls', '-q', '--filter', filter]);
  if (nets.length) dockerLines(['network', 'rm', ...nets]);
  const vols = dockerLines(['volume', 'ls', '-q', '--filter', filter]);
  if (vols.length) dockerLines(['volume', 'rm', '-f', ...vols]);
}

/** Projects left by test runs that died (their jest pid is gone): found by label, removed. */
export function sweepLeftovers(): string[] {
  const projects = new Set([
    ...dockerLines(['ps', '-a', '--filter', `label=${LABEL}`, '--format', `{{.Label "${LABEL}"}}`]),
    ...dockerLines(['network', 'ls', '--filter', `label=${LABEL}`, '--format', `{{.Label "${LABEL}"}}`]),
  ]);
  const dead = [...projects].filter((p) => {
    const m = new RegExp(`^${PREFIX}(\\d+)-`).exec(p);
    return m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]));
  });
  for (const p of dead) sweepProject(p);
  return dead;
}

/** A cookie jar as curl keeps it (the README's own commands). */
export async function curl(args: string[]): Promise<{ status: number; headers: string; body: string }> {
  const r = await sh('curl', ['-s', '-S', '-i', '--max-time', '10', ...args], {}, 20_000);
  if (r.code !== 0) throw new Error(`curl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  const [head, ...rest] = r.stdout.split('\r\n\r\n');
  const status = Number(/^HTTP\/[\d.]+ (\d+)/.exec(head)?.[1]);
  return { status, headers: head, body: rest.join('\r\n\r\n') };
}

export function header(headers: string, name: string): string | null {
  const m = new RegExp(`^${name}:\\s*(.*?)\\s*$`, 'im').exec(headers);
  return m ? m[1] : null;
}

/** Polls through nginx until it answers 200 on `/`. */
export async function untilServing(base: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(`nginx at ${base} to answer`, async () => {
    try {
      return (await curl([`${base}/`])).status === 200;
    } catch {
      return false;
    }
  }, { timeoutMs, intervalMs: 250 });
}
