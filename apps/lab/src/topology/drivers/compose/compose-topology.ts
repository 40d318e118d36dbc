// The `compose` driver: the repository's compose files plus a generated
// per-run override, driven through the Compose CLI under a unique project
// name. This file is the lifecycle (boot, replicas, evidence, teardown); the
// balancer, started once and only re-rendered in place afterwards on a host
// port fixed at boot (so `url` never changes, not even across a balancer
// restart), is balancer.ts; Redis is redis.ts; the lab clients' own
// addresses are clients.ts. Only what needs Docker lives here; names,
// ordering, waits and refusals are TopologyCore's.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '../../../util/free-port';
import { makeRunDir, removeRunDir } from '../../../util/run-dir';
import { waitFor } from '../../../util/wait';
import { SerialQueue } from '../../../util/serial-queue';
import type { BalancerOp, RedisState, ReplicaState } from '../../../vocabulary';
import { BalancerEntry, checkRedisHa, checkReplicaCount, checkSessionLimits, RedisOp, sessionEnv, StatusRest, TopologyCore } from '../../core';
import { sentinelSettings } from '../../redis-ha';
import { ComposeSentinel, DATA_SERVICES, SENTINEL_FILE, SENTINEL_SERVICES, sentinelProjectEnv } from './sentinel';
import { byReplicaIndex } from '../../names';
import { repoRoot } from '../../paths';
import type { ReplicaInfo, TopologyOptions } from '../../topology';
import type { ReplicaOp } from '../../transitions';
import { ComposeBalancer } from './balancer';
import { ComposeCommandError, run } from './cli';
import { ComposeClients } from './clients';
import * as c from './commands';
import { readyInstance } from './http';
import { overrideFile, ServiceDef } from './override';
import { Container, parsePs, psArgs, stateOf } from './ps';
import { ComposeRedis } from './redis';

const BUILD_TIMEOUT_MS = 15 * 60_000;
const READY_TIMEOUT_MS = 60_000;

interface Replica {
  /** INSTANCE_ID of this container: readiness counts only when it answers with it. */
  instance: string;
  port?: number;
  /** The host port the override publishes it on. */
  hostPort: number;
  /** Container address on the project network, as last seen running. */
  address?: string;
  /** What the lab last did to it, so a stop that ended in SIGKILL still reads `stopped`. */
  intent?: 'stop' | 'kill';
  starting: boolean;
}

export class ComposeTopology extends TopologyCore {
  readonly driver = 'compose' as const;
  /** Every replica ever created, removed ones included (their logs stay evidence). */
  private readonly replicas = new Map<string, Replica>();
  private readonly extraEnv: Record<string, string>;
  private readonly projectEnv: Record<string, string>;
  private model?: ServiceDef;
  /** Fixed at boot (LAB_HTTP_PORT), read back from Docker once the balancer is up. */
  private lbPort = 0;
  private sentinel?: ComposeSentinel;
  /** Only with the redis store. */
  private readonly redis?: ComposeRedis;
  private readonly lb: ComposeBalancer;
  private readonly clients = new ComposeClients();
  /**
   * `up` calls one at a time: parallel ones race on the project's network and
   * override file. Not the core's queue: boot creates replicas in parallel
   * outside it, and an add inside it would wait for itself.
   */
  private readonly upQueue = new SerialQueue();
  private snapshot?: Promise<Map<string, Container>>;
  private closed = false;
  private readonly onExit = () => this.downNow();

  private constructor(
    private readonly project: c.ComposeProject,
    private readonly root: string,
    private readonly runDir: string,
    opts: TopologyOptions,
  ) {
    super(opts);
    // The session limits travel as the variables docker-compose.yml
    // interpolates (by-hand `SESSION_MAX=5 docker compose up` works the same),
    // never as a second, conflicting value in the override.
    const limits = sessionEnv(this.session);
    this.extraEnv = Object.fromEntries(Object.entries(opts.env ?? {}).filter(([k]) => !(k in limits)));
    const count = opts.replicas ?? 3;
    this.projectEnv = c.projectEnv({
      strategy: opts.strategy,
      replicas: Array.from({ length: count }, (_, i) => `app${i + 1}`),
      down: [],
      sessionSecret: opts.sessionSecret ?? randomBytes(24).toString('hex'),
      sessionLimits: limits,
      port: opts.port,
    });
    if (opts.redisHa === 'sentinel') {
      const settings = sentinelSettings(opts.sentinel);
      Object.assign(this.projectEnv, sentinelProjectEnv(settings));
      const exec = async (service: string, cmd: string[]) => (await this.compose(c.execArgs(service, cmd), 10_000)).stdout;
      this.sentinel = new ComposeSentinel(settings, exec, (args) => this.compose(args));
    }
    const compose = (args: string[], timeoutMs?: number) => this.compose(args, timeoutMs);
    if (this.store === 'redis') this.redis = new ComposeRedis(compose, opts.redisPersistence ?? 'none', this.sentinel);
    this.lb = new ComposeBalancer({ engine: this.balancer, strategy: this.strategy, compose, containers: () => this.containers(), url: () => this.url });
  }

  static async start(given: TopologyOptions, cli: c.ComposeCli, root = repoRoot()): Promise<ComposeTopology> {
    const count = checkReplicaCount(given.replicas ?? 3);
    checkSessionLimits(given);
    checkRedisHa(given);
    // Both before anything starts; the port is fixed so a balancer restart keeps `url`.
    const opts = { ...given, balancer: c.balancerEngine(given.balancer), port: given.port || (await freePort()) };
    const runDir = await makeRunDir('sticky-lab-compose-');
    const override = join(runDir, 'docker-compose.lab.json');
    const ha = opts.redisHa === 'sentinel' ? [SENTINEL_FILE] : [];
    const files = [...c.composeFiles(opts.store, opts.redisPersistence, opts.balancer), ...ha].map((f) => join(root, f)).concat(override);
    const t = new ComposeTopology({ cli, name: c.projectName(), files }, root, runDir, opts);
    process.once('exit', t.onExit);
    try {
      await t.boot(count);
      return t;
    } catch (err) {
      const evidence = await t.logs().catch(() => ({}));
      await t.down().catch(() => undefined);
      throw Object.assign(err as Error, { evidence });
    }
  }

  /** The Compose project (`-p`): every container and network carries it as a label. */
  get projectName(): string {
    return this.project.name;
  }

  get url(): string {
    return `http://127.0.0.1:${this.lbPort}`;
  }

  private compose(args: string[], timeoutMs?: number) {
    return run([this.project.cli[0], ...c.composeArgv(this.project, ...args)], { cwd: this.root, env: this.projectEnv, timeoutMs });
  }

  private async boot(count: number): Promise<void> {
    // Every compose call names the override file: it exists before the first one.
    await this.writeOverride();
    if (this.redis) {
      await this.compose(c.upArgs(['redis']));
      await this.redis.untilAnswers();
    }
    if (this.sentinel) {
      await this.compose(c.upArgs([...DATA_SERVICES.slice(1), ...SENTINEL_SERVICES]));
      await this.sentinel.untilSettled(READY_TIMEOUT_MS);
    }
    // One build, one image id for every replica (app1 carries the build section).
    await this.compose(['build', 'app1'], BUILD_TIMEOUT_MS);
    const names = await this.bootReplicas(count);
    // The first config names the replicas by address, as every re-render does
    // (see applyBalancer): nginx builds its consistent-hash ring from the server
    // strings, so names at boot and addresses later would move nearly every
    // client at the first change (seen: 90 % on a scale-out, ~25 % expected).
    this.projectEnv.LAB_REPLICAS = c.labReplicas(names, this.knownAddresses(names));
    if (await this.clients.create(this.project.name)) await this.writeOverride();
    await this.compose(c.upArgs([this.balancer]));
    this.lbPort = c.parsePort((await this.compose(c.portArgs(this.balancer, c.BALANCER_PORT))).stdout);
    await this.lb.untilAnswers();
    await this.clients.giveAddresses(this.url);
  }

  /** Like the core's, but from the clients' own addresses: through the published port every probe is one user. */
  protected override async waitRouted(name: string): Promise<void> {
    if (!this.clients.routed) return super.waitRouted(name);
    await this.clients.waitRouted(name, this.balancer);
  }

  // ---- replicas -----------------------------------------------------------------

  protected async createReplica(name: string): Promise<void> {
    // A fixed host port (picked free now) so `start` after a stop brings the replica back on the same URL.
    const r: Replica = { instance: randomBytes(8).toString('hex'), starting: true, hostPort: await freePort() };
    this.replicas.set(name, r);
    await this.upQueue.run(async () => {
      await this.writeOverride();
      // Recreated when it existed (a name that comes back): a fresh container with a fresh INSTANCE_ID.
      await this.compose(c.upArgs([name]));
    });
    await this.awaitReady(name, r);
  }

  protected async replicaOp(name: string, op: ReplicaOp): Promise<void> {
    const r = this.replicas.get(name)!;
    if (op === 'stop') {
      r.intent = 'stop';
      await this.compose(c.stopArgs(name));
    } else if (op === 'kill') {
      r.intent = 'kill';
      await this.compose(c.killArgs(name));
      await waitFor(`${name} to be gone after SIGKILL`, async () => (await this.containerState(name)) === 'killed', { timeoutMs: 30_000, intervalMs: 200 });
    } else if (op === 'pause') {
      await this.compose(c.pauseArgs(name));
    } else if (op === 'resume') {
      await this.compose(c.unpauseArgs(name));
    } else {
      await this.restart(name, r);
    }
  }

  private async restart(name: string, r: Replica): Promise<void> {
    r.intent = undefined;
    r.starting = true;
    const before = r.address;
    await this.compose(c.startArgs(name));
    await this.awaitReady(name, r);
    // A restarted container may have a new address: point nginx at it.
    if (r.address !== before) await this.applyBalancer(this.balancerEntries());
  }

  protected async retireReplica(name: string, how: 'stop' | 'discard'): Promise<void> {
    const r = this.replicas.get(name);
    if (r) r.intent = 'stop';
    // Kept (stopped) for its logs; a failed add leaves nothing behind.
    await this.compose(how === 'stop' ? c.stopArgs(name) : c.removeArgs(name));
  }

  protected async replicaState(name: string): Promise<ReplicaState> {
    if (this.replicas.get(name)?.starting) return 'starting';
    return this.containerState(name);
  }

  private async containerState(name: string): Promise<ReplicaState> {
    return stateOf((await this.containers()).get(name), this.replicas.get(name)?.intent);
  }

  /** One `docker ps` shared by every caller while it runs (status() asks for each replica at once). */
  private containers(): Promise<Map<string, Container>> {
    this.snapshot ??= run(['docker', ...psArgs(this.project.name)])
      .then(({ stdout }) => parsePs(stdout))
      .finally(() => (this.snapshot = undefined));
    return this.snapshot;
  }

  protected async replicaDetails(name: string): Promise<Omit<ReplicaInfo, 'name' | 'state' | 'markedDown'>> {
    const port = this.replicas.get(name)?.port;
    const health = (await this.lb.health())?.[name];
    // No pid: the process is the engine's, inside the container's namespace.
    return { url: port ? `http://127.0.0.1:${port}` : '', port, pid: undefined, ...(health ? { health } : {}) };
  }

  /** Reads the replica's (possibly new) host port and address, and waits until this container answers ready. */
  private async awaitReady(name: string, r: Replica): Promise<void> {
    try {
      r.port = c.parsePort((await this.compose(c.portArgs(name, c.APP_PORT))).stdout);
      const id = (await this.containers()).get(name)?.id;
      if (!id) throw new Error(`${name} has no container`);
      r.address = c.parseAddress((await run(['docker', ...c.inspectAddressArgs(id)])).stdout);
      const url = `http://127.0.0.1:${r.port}`;
      await waitFor(`${name} (instance ${r.instance}) to be ready on ${url}`, async () => (await readyInstance(url)) === r.instance, {
        timeoutMs: READY_TIMEOUT_MS,
        intervalMs: 250,
      });
    } finally {
      r.starting = false;
    }
  }

  private async writeOverride(): Promise<void> {
    const names = [...this.replicas.keys()].sort(byReplicaIndex);
    if (names.some((n) => !c.DEFINED_REPLICAS.includes(n)) && !this.model) this.model = await this.resolveModel();
    const instances = Object.fromEntries([...this.replicas].map(([n, r]) => [n, r.instance]));
    const hostPorts = Object.fromEntries([...this.replicas].map(([n, r]) => [n, r.hostPort]));
    const clientNet = this.clients.attachment(this.balancer);
    const body = overrideFile({ replicas: names, defined: c.DEFINED_REPLICAS, model: this.model, env: this.extraEnv, instances, hostPorts, clientNet });
    await writeFile(this.overridePath(), JSON.stringify(body, null, 2));
  }

  private overridePath(): string {
    return this.project.files[this.project.files.length - 1];
  }

  /** app1 as Compose itself resolves it (merges, anchors, paths): the model for added replicas. */
  private async resolveModel(): Promise<ServiceDef> {
    const definedOnly = { replicas: c.DEFINED_REPLICAS, defined: c.DEFINED_REPLICAS, env: this.extraEnv };
    await writeFile(this.overridePath(), JSON.stringify(overrideFile(definedOnly)));
    const config = JSON.parse((await this.compose(c.configJsonArgs())).stdout) as { services: Record<string, ServiceDef> };
    const model = config.services?.app1;
    if (!model) throw new Error('docker compose config has no app1 service to copy');
    return model;
  }

  // ---- the balancer ----------------------------------------------------------------

  protected applyBalancer(entries: BalancerEntry[]): Promise<void> {
    return this.lb.apply(entries, this.knownAddresses(entries.map((e) => e.name)));
  }

  /** Last seen container address per replica (a stopped container keeps its entry). */
  private knownAddresses(names: string[]): Record<string, string> {
    return Object.fromEntries(names.flatMap((n) => {
      const a = this.replicas.get(n)?.address;
      return a ? [[n, a]] : [];
    }));
  }

  /** The loaded config (nginx -T, or HAProxy's rendered file), for evidence. */
  balancerConfig(): Promise<string> {
    return this.lb.config();
  }

  protected async statusRest(): Promise<StatusRest> {
    return { redis: await this.redis?.status(), balancer: await this.lb.status() };
  }

  /** Both resolve when the balancer serves the current config at a new generation. */
  protected async balancerOp(op: BalancerOp): Promise<void> {
    await this.lb.op(op);
    await this.applyBalancer(this.balancerEntries());
  }

  // ---- redis ---------------------------------------------------------------------

  protected redisState(): RedisState | undefined {
    return this.redis?.now;
  }

  protected redisOp(op: RedisOp): Promise<void> {
    return this.redis!.op(op);
  }

  // ---- evidence and teardown ------------------------------------------------------

  async logs(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    const containers = await this.containers().catch(() => new Map<string, Container>());
    const ha = this.sentinel ? [...DATA_SERVICES.slice(1), ...SENTINEL_SERVICES] : [];
    const services = [this.balancer, ...(this.store === 'redis' ? ['redis'] : []), ...ha, ...[...this.replicas.keys()].sort(byReplicaIndex)];
    for (const service of services) {
      const id = containers.get(service)?.id;
      if (!id) continue;
      const { stdout, stderr } = await run(['docker', 'logs', '--tail', '5000', id]).catch((e: Partial<ComposeCommandError>) => ({
        stdout: e.stdout ?? '',
        stderr: e.stderr || `(logs unavailable: ${e.message})`,
      }));
      // Both balancer images send the access log to stdout and errors to stderr.
      if (service === this.balancer) Object.assign(out, { [service]: stderr, [`${service}-access`]: stdout });
      else out[service] = stdout + stderr;
    }
    return out;
  }

  protected async teardown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.removeListener('exit', this.onExit);
    this.clients.unregister();
    try {
      await this.compose(c.downArgs());
      await this.clients.remove();
    } finally {
      if (this.redis) this.redis.now = 'stopped';
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
      this.clients.removeSync();
    } catch {
      // nothing more can be done while exiting
    }
  }
}
