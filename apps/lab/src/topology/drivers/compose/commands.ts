// Pure construction of Compose command lines, environments and the generated
// override file. No I/O here, so all of it is unit-tested without Docker.
import { randomBytes } from 'node:crypto';
import { byReplicaIndex } from '../../names';
import type { RedisPersistence, Strategy, StoreKind } from '../../topology';
import { BALANCERS, type BalancerEngine } from '../../../vocabulary';
import { TopologyError } from '../../errors';

/** The port every cart-api container listens on (Dockerfile `PORT`, compose files). */
export const APP_PORT = 8000;
/** The port the balancer (nginx or HAProxy) listens on inside its container. */
export const BALANCER_PORT = 80;

/** `docker compose` (plugin) or `docker-compose` (standalone): argv prefix. */
export type ComposeCli = readonly [string, ...string[]];

export interface ComposeProject {
  cli: ComposeCli;
  /** `-p`: unique per run so parallel runs never share containers or networks. */
  name: string;
  /** `-f` files, in merge order. */
  files: string[];
}

export function projectName(random: string = randomBytes(4).toString('hex')): string {
  return `sticky-lab-${random}`;
}

/** Compose files for a store and balancer, relative to the repository root, in merge order. */
export function composeFiles(store: StoreKind, persistence: RedisPersistence = 'none', balancer: BalancerEngine = 'nginx'): string[] {
  const files = ['docker-compose.yml'];
  if (store === 'redis') files.push('docker-compose.redis.yml');
  if (store === 'redis' && persistence === 'aof') files.push('docker-compose.redis-aof.yml');
  if (balancer === 'haproxy') files.push('docker-compose.haproxy.yml');
  return files;
}

/**
 * The balancer engine: the option when given, else `LB_ENGINE`, else nginx.
 * Checked before anything starts: a typo must not boot the wrong balancer.
 */
export function balancerEngine(option: unknown, env: string | undefined = process.env.LB_ENGINE): BalancerEngine {
  const [value, from] = option !== undefined ? [option, 'balancer'] : [env || 'nginx', 'LB_ENGINE'];
  if (!(BALANCERS as readonly unknown[]).includes(value)) {
    throw new TopologyError('invalid-argument', `${from} must be one of ${BALANCERS.join(', ')}, got "${String(value)}"`);
  }
  return value as BalancerEngine;
}

/**
 * Replicas docker-compose.yml defines (app4 under the `scale` profile); the
 * driver generates app5 and beyond. A drift test keeps this list in step
 * with the file.
 */
export const DEFINED_REPLICAS: readonly string[] = ['app1', 'app2', 'app3', 'app4'];

/** Profiles the driver enables so app4 is part of the model. */
export const PROFILES = 'scale';

/**
 * `LAB_REPLICAS` as the nginx entrypoint script reads it: `app1=app1:8000 app2=app2:8000`.
 * `addresses` replaces a service name by a container address.
 */
export function labReplicas(names: readonly string[], addresses: Record<string, string> = {}): string {
  return names.map((n) => `${n}=${addresses[n] ?? n}:${APP_PORT}`).join(' ');
}

/** `LAB_DOWN` / `LAB_DRAIN`: space-separated replica names, in replica order. */
export function replicaNameList(names: Iterable<string>): string {
  return [...names].sort(byReplicaIndex).join(' ');
}

export interface NginxEnv {
  strategy: Strategy;
  replicas: string[];
  down: Iterable<string>;
  /** Draining (`LAB_DRAIN`): bound clients keep them, new ones go elsewhere; `down` wins. */
  drain?: Iterable<string>;
  /** Served at /__lab/generation by the rendered config: proves a reload took effect. */
  generation?: number;
  /**
   * Last known container address per replica. nginx resolves names only when
   * it loads a config, and a stopped container has no name: with addresses a
   * reload works while a replica is down (its old address refuses, like a
   * dead port in the process driver).
   */
  addresses?: Record<string, string>;
}

export function nginxEnv(n: NginxEnv): Record<string, string> {
  return {
    LB_STRATEGY: n.strategy,
    LAB_REPLICAS: labReplicas(n.replicas, n.addresses),
    LAB_DOWN: replicaNameList(n.down),
    LAB_DRAIN: replicaNameList(n.drain ?? []),
    ...(n.generation !== undefined ? { LAB_GENERATION: String(n.generation) } : {}),
  };
}

export interface ProjectEnvOptions extends NginxEnv {
  sessionSecret: string;
  /** SESSION_TTL_SECONDS and SESSION_MAX, which docker-compose.yml interpolates for every replica. */
  sessionLimits?: Record<string, string>;
  /** Host port for nginx on 127.0.0.1; undefined: an ephemeral one. */
  port?: number;
}

/**
 * Variables the compose files interpolate. An empty `LAB_HTTP_PORT` turns
 * `127.0.0.1:${LAB_HTTP_PORT-8080}:80` into `127.0.0.1::80`: Docker picks a
 * free host port, read back with `docker compose port`.
 */
export function projectEnv(o: ProjectEnvOptions): Record<string, string> {
  return {
    ...nginxEnv(o),
    SESSION_SECRET: o.sessionSecret,
    ...o.sessionLimits,
    LAB_HTTP_PORT: o.port ? String(o.port) : '',
    COMPOSE_PROFILES: PROFILES,
  };
}

/** `docker compose -p NAME -f A -f B <args…>` as argv (without the binary). */
export function composeArgv(p: ComposeProject, ...args: string[]): string[] {
  const [, ...prefix] = p.cli;
  return [...prefix, '-p', p.name, ...p.files.flatMap((f) => ['-f', f]), ...args];
}

/** Starts services without touching their dependencies (the driver orders them itself). */
export function upArgs(services: string[], build = false): string[] {
  return ['up', '-d', '--no-deps', ...(build ? ['--build'] : []), ...services];
}

export function stopArgs(service: string, timeoutS = 10): string[] {
  return ['stop', '-t', String(timeoutS), service];
}

export function killArgs(service: string): string[] {
  return ['kill', '-s', 'SIGKILL', service];
}

export function pauseArgs(service: string): string[] {
  return ['pause', service];
}

export function unpauseArgs(service: string): string[] {
  return ['unpause', service];
}

export function startArgs(service: string): string[] {
  return ['start', service];
}

export function restartArgs(service: string, timeoutS = 10): string[] {
  return ['restart', '-t', String(timeoutS), service];
}

/** Stops and removes one service's container (scale-in). */
export function removeArgs(service: string): string[] {
  return ['rm', '--stop', '--force', service];
}

export function portArgs(service: string, containerPort: number): string[] {
  return ['port', service, String(containerPort)];
}

/** Container id of a service (`-a`: also when stopped). */
export function containerIdArgs(service: string): string[] {
  return ['ps', '-a', '-q', service];
}

export function downArgs(): string[] {
  return ['down', '-v', '--remove-orphans', '-t', '5'];
}

export function configJsonArgs(): string[] {
  return ['config', '--format', 'json'];
}

/** `exec -T` (no TTY: the lab reads the output) with extra environment. */
export function execArgs(service: string, cmd: string[], env: Record<string, string> = {}): string[] {
  const envFlags = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  return ['exec', '-T', ...envFlags, service, ...cmd];
}

/** Where both balancer services mount docker/lab-reload-and-wait.sh. */
export const RELOAD_AND_WAIT = '/usr/local/bin/lab-reload-and-wait.sh';

/**
 * The reload, done once the old workers are gone (they may still accept a
 * connection after a new worker answered): see docker/lab-reload-and-wait.sh.
 */
export const NGINX_RELOAD_STEP = `sh ${RELOAD_AND_WAIT} "$(cat /run/nginx.pid)" nginx -s reload`;

/**
 * Re-renders the templates inside the running nginx container the way its
 * entrypoint does at start (source every `*.envsh`, then the image's
 * envsubst script), checks the result and reloads. The container (and its
 * published port) stays; only the configuration changes.
 */
export const NGINX_RERENDER_SCRIPT = [
  'set -e',
  'for f in $(find /docker-entrypoint.d/ -follow -type f -name "*.envsh" -print | sort -V); do . "$f"; done',
  'NGINX_ENTRYPOINT_QUIET_LOGS=1 /docker-entrypoint.d/20-envsubst-on-templates.sh',
  'nginx -t -q',
  NGINX_RELOAD_STEP,
].join('\n');

export function nginxRerenderArgs(env: NginxEnv): string[] {
  return execArgs('nginx', ['sh', '-c', NGINX_RERENDER_SCRIPT], nginxEnv(env));
}

/** HAProxy's runtime API socket in its container (docker-compose.haproxy.yml's LAB_ADMIN_SOCKET). */
export const HAPROXY_ADMIN_SOCKET = '/var/lib/haproxy/admin.sock';

/**
 * Sends one command to HAProxy's runtime API inside its container, as the
 * image's user (the socket is mode 600): neither image has socat, both have
 * Debian's perl-base. The command travels as an argument, never through a
 * shell; the alarm bounds a socket that never answers.
 */
export function haproxyRuntimeArgs(command: string): string[] {
  if (/[\n;]/.test(command)) throw new Error(`one runtime API command only, got ${JSON.stringify(command)}`);
  const script = 'alarm 5; my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or die "runtime API $ARGV[0]: $!\\n"; print $s "$ARGV[1]\\n"; $s->shutdown(1); print while <$s>;';
  return execArgs('haproxy', ['perl', '-MIO::Socket::UNIX', '-e', script, HAPROXY_ADMIN_SOCKET, command]);
}

/** Where docker-compose.haproxy.yml's entrypoint writes the rendered config. */
export const HAPROXY_CFG = '/var/lib/haproxy/haproxy.cfg';

/**
 * The same render as the container's start (docker/haproxy/lab-entrypoint.sh),
 * checked with `haproxy -c`, then SIGUSR2 to the master (PID 1): new workers
 * on the same listeners, old ones finish their requests.
 */
export function haproxyRerenderArgs(env: NginxEnv): string[] {
  return execArgs('haproxy', ['/usr/local/bin/lab-entrypoint.sh', 'reload'], nginxEnv(env));
}

/** Re-renders and reloads whichever balancer runs. */
export function rerenderArgs(balancer: BalancerEngine, env: NginxEnv): string[] {
  return balancer === 'haproxy' ? haproxyRerenderArgs(env) : nginxRerenderArgs(env);
}

/** The graceful reload of the running config: `nginx -s reload`, or SIGUSR2 to HAProxy's master. */
export function reloadArgs(balancer: BalancerEngine): string[] {
  return balancer === 'haproxy' ? execArgs('haproxy', ['kill', '-USR2', '1']) : execArgs('nginx', ['nginx', '-s', 'reload']);
}

/** The loaded config as text (`nginx -T`; HAProxy's rendered file). */
export function configArgs(balancer: BalancerEngine): string[] {
  return balancer === 'haproxy' ? execArgs('haproxy', ['cat', HAPROXY_CFG]) : execArgs('nginx', ['nginx', '-T']);
}

export function versionArgs(balancer: BalancerEngine): string[] {
  return balancer === 'haproxy' ? execArgs('haproxy', ['haproxy', '-v']) : execArgs('nginx', ['nginx', '-v']);
}

/** `haproxy -v` prints `HAProxy version 3.2.9-1 2025/…` on stdout; `nginx -v` on stderr. */
export function parseBalancerVersion(balancer: BalancerEngine, out: { stdout: string; stderr: string }): string {
  if (balancer === 'nginx') return parseNginxVersion(out.stderr);
  const m = /HA-?Proxy version (\d+\.\d+\.\d+)/i.exec(out.stdout + out.stderr);
  if (!m) throw new Error(`cannot read an HAProxy version from "${(out.stdout + out.stderr).trim()}"`);
  return m[1];
}

/** `docker inspect` of a container's PID 1 and start time: a restart changes both, a reload neither. */
export function processIdentityArgs(containerId: string): string[] {
  return ['inspect', '-f', '{{.State.Pid}} {{.State.StartedAt}}', containerId];
}

/** The path the lab's nginx config answers with its generation number. */
export const GENERATION_PATH = '/__lab/generation';

/** A container's addresses on its networks, space-separated (plain `docker`, not compose). */
export function inspectAddressArgs(containerId: string): string[] {
  return ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', containerId];
}

/** The first IPv4 address in `docker inspect` output. */
export function parseAddress(output: string): string {
  const ip = output.trim().split(/\s+/).find((a) => /^\d{1,3}(\.\d{1,3}){3}$/.test(a));
  if (!ip) throw new Error(`cannot read a container address from "${output.trim()}"`);
  return ip;
}

/** `docker compose port` prints `127.0.0.1:49153` (or `[::]:49153`). */
export function parsePort(output: string): number {
  const line = output.trim().split('\n').pop() ?? '';
  const m = /:(\d+)$/.exec(line.trim());
  const port = m ? Number(m[1]) : NaN;
  if (!(port > 0 && port < 65536)) throw new Error(`cannot read a host port from "${output.trim()}"`);
  return port;
}

/** `nginx -v` prints `nginx version: nginx/1.30.0` on stderr. */
export function parseNginxVersion(output: string): string {
  const m = /nginx\/(\d+\.\d+\.\d+)/.exec(output);
  if (!m) throw new Error(`cannot read an nginx version from "${output.trim()}"`);
  return m[1];
}

/** The rendered config uses the native directive when it has a `sticky cookie` line. */
export function stickyKind(strategy: Strategy, renderedConfig: string): 'native' | 'portable' | 'n/a' {
  if (strategy !== 'sticky-cookie') return 'n/a';
  return /^\s*sticky\s+cookie\b/m.test(renderedConfig) ? 'native' : 'portable';
}
