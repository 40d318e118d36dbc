// The `compose` implementation of Topology: the repository's compose files
// plus a generated per-run override, driven through the Compose CLI under a
// unique project name. nginx is started once and only reloaded afterwards
// (re-rendered in place), so its published port, and `url`, never change.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { makeRunDir, removeRunDir } from '../process/run-dir';
import { waitFor } from '../process/wait';
import { repoRoot } from '../topology/paths';
import type {
  RedisState,
  ReplicaInfo,
  ReplicaState,
  StoreKind,
  Strategy,
  Topology,
  TopologyOptions,
  TopologyStatus,
} from '../topology/topology';
import { ComposeCommandError, run } from './cli';
import * as c from './commands';
import { get, getText, replicaReady } from './http';
import { overrideFile, ServiceDef } from './override';

const BUILD_TIMEOUT_MS = 15 * 60_000;
const READY_TIMEOUT_MS = 60_000;

interface Replica {
  name: string;
  state: ReplicaState;
  drained: boolean;
  port?: number;
  /** Container address on the project network, as last seen running. */
  address?: string;
}

export class ComposeTopology implements Topology {
  readonly driver = 'compose' as const;
  readonly strategy: Strategy;
  readonly store: StoreKind;
  private readonly replicas: Replica[] = [];
  private readonly extraEnv: Record<string, string>;
  private readonly projectEnv: Record<string, string>;
  private model?: ServiceDef;
  private nginxPort = 0;
  private redisState: RedisState = 'running';
  private nginxVersion?: string;
  /** Which sticky form the loaded config uses; cleared by every re-render (status() is polled). */
  private sticky?: TopologyStatus['nginx']['sticky'];
  /** Bumped on every re-render; nginx serves it at /__lab/generation. */
  private generation = 0;
  private closed = false;
  private readonly onExit = () => this.downNow();

  private constructor(
    private readonly project: c.ComposeProject,
    private readonly root: string,
    private readonly runDir: string,
    opts: TopologyOptions,
  ) {
    this.strategy = opts.strategy;
    this.store = opts.store;
    const n = opts.replicas ?? 3;
    for (let i = 1; i <= n; i++) this.replicas.push({ name: c.replicaName(i), state: 'starting', drained: false });
    this.extraEnv = {
      ...(opts.sessionTtlSeconds ? { SESSION_TTL_SECONDS: String(opts.sessionTtlSeconds) } : {}),
      ...(opts.env ?? {}),
    };
    this.projectEnv = c.projectEnv({
      strategy: opts.strategy,
      replicas: this.names(),
      down: [],
      sessionSecret: opts.sessionSecret ?? randomBytes(24).toString('hex'),
      port: opts.port,
    });
  }

  static async start(opts: TopologyOptions, cli: c.ComposeCli, root = repoRoot()): Promise<ComposeTopology> {
    if ((opts.replicas ?? 3) < 1) throw new RangeError('a topology needs at least one replica');
    const runDir = await makeRunDir('sticky-lab-compose-');
    const override = join(runDir, 'docker-compose.lab.json');
    const files = [...c.composeFiles(opts.store).map((f) => join(root, f)), override];
    const t = new ComposeTopology({ cli, name: c.projectName(), files }, root, runDir, opts);
    process.once('exit', t.onExit);
    try {
      await t.boot();
      return t;
    } catch (err) {
      const evidence = await t.logs().catch(() => ({}));
      await t.down().catch(() => undefined);
      throw Object.assign(err as Error, { evidence });
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.nginxPort}`;
  }

  private names(): string[] {
    return this.replicas.map((r) => r.name);
  }

  private replica(name: string): Replica {
    const r = this.replicas.find((x) => x.name === name);
    if (!r) throw new Error(`no replica named ${name} (have ${this.names().join(', ')})`);
    return r;
  }

  private compose(args: string[], timeoutMs?: number) {
    return run([this.project.cli[0], ...c.composeArgv(this.project, ...args)], {
      cwd: this.root,
      env: this.projectEnv,
      timeoutMs,
    });
  }

  private async boot(): Promise<void> {
    await this.writeOverride();
    if (this.store === 'redis') {
      await this.compose(c.upArgs(['redis']));
      await waitFor('redis to answer PING', () => this.redisAnswers(), { timeoutMs: READY_TIMEOUT_MS, intervalMs: 500 });
    }
    await this.compose(c.upArgs(this.names(), true), BUILD_TIMEOUT_MS);
    await Promise.all(this.replicas.map((r) => this.awaitReady(r)));
    await this.compose(c.upArgs(['nginx']));
    this.nginxPort = c.parsePort((await this.compose(c.portArgs('nginx', c.NGINX_PORT))).stdout);
    await waitFor('nginx to answer through its published port', async () => (await get(this.url))?.status === 200, {
      timeoutMs: READY_TIMEOUT_MS,
      intervalMs: 250,
    });
  }

  private async writeOverride(): Promise<void> {
    if (this.names().some((n) => !c.DEFINED_REPLICAS.includes(n)) && !this.model) this.model = await this.resolveModel();
    const body = overrideFile({ replicas: this.names(), defined: c.DEFINED_REPLICAS, model: this.model, env: this.extraEnv });
    await writeFile(this.project.files[this.project.files.length - 1], JSON.stringify(body, null, 2));
  }

  /** app1 as Compose itself resolves it (merges, anchors, paths): the model for added replicas. */
  private async resolveModel(): Promise<ServiceDef> {
    const definedOnly = { replicas: c.DEFINED_REPLICAS, defined: c.DEFINED_REPLICAS, env: this.extraEnv };
    await writeFile(this.project.files[this.project.files.length - 1], JSON.stringify(overrideFile(definedOnly)));
    const config = JSON.parse((await this.compose(c.configJsonArgs())).stdout) as { services: Record<string, ServiceDef> };
    const model = config.services?.app1;
    if (!model) throw new Error('docker compose config has no app1 service to copy');
    return model;
  }

  /** Reads the replica's (possibly new) host port and address, and waits for /health/ready. */
  private async awaitReady(r: Replica): Promise<void> {
    r.port = c.parsePort((await this.compose(c.portArgs(r.name, c.APP_PORT))).stdout);
    const id = (await this.compose(c.containerIdArgs(r.name))).stdout.trim().split('\n')[0];
    r.address = c.parseAddress((await run(['docker', ...c.inspectAddressArgs(id)])).stdout);
    await waitFor(`${r.name} to be ready on 127.0.0.1:${r.port}`, () => replicaReady(`http://127.0.0.1:${r.port}`), {
      timeoutMs: READY_TIMEOUT_MS,
      intervalMs: 250,
    });
    r.state = 'running';
  }

  private async running(service: string): Promise<boolean> {
    // `ps -q` without `-a` lists running (and paused) containers only.
    const { stdout } = await this.compose(['ps', '-q', service]);
    return stdout.trim() !== '';
  }

  private async redisAnswers(): Promise<boolean> {
    const { stdout } = await this.compose(c.execArgs('redis', ['redis-cli', 'ping']), 10_000);
    return stdout.trim() === 'PONG';
  }

  private requireRedis(): void {
    if (this.store !== 'redis') throw new Error('this topology has no redis (store is memory)');
  }

  // --- nginx -------------------------------------------------------------------------

  private nginxTargets(generation: number): c.NginxEnv {
    return {
      strategy: this.strategy,
      replicas: this.names(),
      down: this.replicas.filter((r) => r.drained).map((r) => r.name),
      generation,
      addresses: Object.fromEntries(this.replicas.filter((r) => r.address).map((r) => [r.name, r.address!])),
    };
  }

  /** Re-renders and reloads nginx; resolves once requests are served by the new config. */
  private async rerender(): Promise<void> {
    const generation = this.generation + 1;
    this.sticky = undefined;
    await this.compose(c.nginxRerenderArgs(this.nginxTargets(generation)));
    this.generation = generation;
    // Old workers finish their requests on the old config: poll until a new one answers.
    await waitFor(`nginx to serve config generation ${generation}`, async () => {
      return (await getText(`${this.url}${c.GENERATION_PATH}`))?.trim() === String(generation);
    }, { timeoutMs: 20_000, intervalMs: 100 });
  }

  /** A restarted container may have a new address: point nginx at it only if it changed. */
  private async refreshNginx(r: Replica, before?: string): Promise<void> {
    if (r.address !== before) await this.rerender();
  }

  // --- Topology ------------------------------------------------------------------------

  async status(): Promise<TopologyStatus> {
    this.nginxVersion ??= c.parseNginxVersion((await this.compose(c.execArgs('nginx', ['nginx', '-v']))).stderr);
    const replicas: ReplicaInfo[] = this.replicas.map((r) => ({
      name: r.name,
      state: r.state,
      drained: r.drained,
      url: r.port ? `http://127.0.0.1:${r.port}` : '',
      port: r.port,
    }));
    return {
      driver: 'compose',
      strategy: this.strategy,
      store: this.store,
      url: this.url,
      replicas,
      ...(this.store === 'redis' ? { redis: { url: 'redis://redis:6379', state: this.redisState } } : {}),
      nginx: { version: this.nginxVersion, sticky: await this.stickyForm() },
    };
  }

  private async stickyForm(): Promise<TopologyStatus['nginx']['sticky']> {
    if (this.strategy !== 'sticky-cookie') return 'n/a';
    return (this.sticky ??= c.stickyKind(this.strategy, await this.nginxConfig()));
  }

  async stop(name: string): Promise<void> {
    const r = this.replica(name);
    await this.compose(c.stopArgs(name));
    r.state = 'stopped';
  }

  async kill(name: string): Promise<void> {
    const r = this.replica(name);
    await this.compose(c.killArgs(name));
    await waitFor(`${name} to be gone after SIGKILL`, async () => !(await this.running(name)), { intervalMs: 200 });
    r.state = 'killed';
  }

  async pause(name: string): Promise<void> {
    const r = this.replica(name);
    await this.compose(c.pauseArgs(name));
    r.state = 'paused';
  }

  async resume(name: string): Promise<void> {
    const r = this.replica(name);
    await this.compose(c.unpauseArgs(name));
    r.state = 'running';
  }

  async start(name: string): Promise<void> {
    const r = this.replica(name);
    if (r.state === 'paused') return this.resume(name);
    r.state = 'starting';
    const before = r.address;
    await this.compose(c.startArgs(name));
    await this.awaitReady(r);
    await this.refreshNginx(r, before);
  }

  async addReplica(): Promise<string> {
    const name = c.nextReplicaName(this.names());
    const r: Replica = { name, state: 'starting', drained: false };
    this.replicas.push(r);
    await this.writeOverride();
    await this.compose(c.upArgs([name]));
    await this.awaitReady(r);
    await this.rerender();
    return name;
  }

  async removeReplica(name: string): Promise<void> {
    this.replica(name);
    if (this.replicas.length === 1) throw new Error('cannot remove the last replica');
    await this.compose(c.stopArgs(name));
    this.replicas.splice(this.replicas.findIndex((x) => x.name === name), 1);
    await this.rerender();
    await this.compose(c.removeArgs(name));
  }

  async scale(n: number): Promise<void> {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`scale needs a positive integer, got ${n}`);
    while (this.replicas.length < n) await this.addReplica();
    while (this.replicas.length > n) await this.removeReplica(this.replicas[this.replicas.length - 1].name);
  }

  async markDown(name: string, down: boolean): Promise<void> {
    const r = this.replica(name);
    r.drained = down;
    await this.rerender();
  }

  async redisPause(): Promise<void> {
    this.requireRedis();
    await this.compose(c.pauseArgs('redis'));
    this.redisState = 'paused';
  }

  async redisResume(): Promise<void> {
    this.requireRedis();
    await this.compose(c.unpauseArgs('redis'));
    this.redisState = 'running';
  }

  async redisRestart(): Promise<void> {
    this.requireRedis();
    if (this.redisState === 'paused') await this.redisResume();
    // No persistence (`--save "" --appendonly no`): the restarted server is empty.
    await this.compose(c.restartArgs('redis'));
    await waitFor('redis to answer PING after restart', () => this.redisAnswers(), { timeoutMs: READY_TIMEOUT_MS, intervalMs: 250 });
    this.redisState = 'running';
  }

  async logs(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    const services = ['nginx', ...(this.store === 'redis' ? ['redis'] : []), ...this.names()];
    for (const service of services) {
      const id = (await this.compose(c.containerIdArgs(service)).catch(() => ({ stdout: '' }))).stdout.trim().split('\n')[0];
      if (!id) continue;
      const { stdout, stderr } = await run(['docker', 'logs', '--tail', '5000', id]).catch((e: Partial<ComposeCommandError>) => ({
        stdout: e.stdout ?? '',
        stderr: e.stderr || `(logs unavailable: ${e.message})`,
      }));
      // The nginx image sends the access log to stdout and the error log to stderr.
      if (service === 'nginx') Object.assign(out, { nginx: stderr, 'nginx-access': stdout });
      else out[service] = stdout + stderr;
    }
    return out;
  }

  async nginxConfig(): Promise<string> {
    return (await this.compose(c.execArgs('nginx', ['nginx', '-T']))).stdout;
  }

  async down(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.removeListener('exit', this.onExit);
    try {
      await this.compose(c.downArgs());
    } finally {
      await removeRunDir(this.runDir);
    }
  }

  /** Last resort when the lab exits without down(): synchronous, bounded. */
  private downNow(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      const argv = c.composeArgv(this.project, ...c.downArgs());
      execFileSync(this.project.cli[0], argv, { cwd: this.root, env: { ...process.env, ...this.projectEnv }, timeout: 60_000, stdio: 'ignore' });
    } catch {
      // nothing more can be done while exiting
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.down();
  }
}
