"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GENERATION_PATH = exports.NGINX_RERENDER_SCRIPT = exports.PROFILES = exports.DEFINED_REPLICAS = exports.NGINX_PORT = exports.APP_PORT = void 0;
exports.projectName = projectName;
exports.composeFiles = composeFiles;
exports.labReplicas = labReplicas;
exports.labDown = labDown;
exports.nginxEnv = nginxEnv;
exports.projectEnv = projectEnv;
exports.composeArgv = composeArgv;
exports.upArgs = upArgs;
exports.stopArgs = stopArgs;
exports.killArgs = killArgs;
exports.pauseArgs = pauseArgs;
exports.unpauseArgs = unpauseArgs;
exports.startArgs = startArgs;
exports.restartArgs = restartArgs;
exports.removeArgs = removeArgs;
exports.portArgs = portArgs;
exports.containerIdArgs = containerIdArgs;
exports.downArgs = downArgs;
exports.configJsonArgs = configJsonArgs;
exports.execArgs = execArgs;
exports.nginxRerenderArgs = nginxRerenderArgs;
exports.inspectAddressArgs = inspectAddressArgs;
exports.parseAddress = parseAddress;
exports.parsePort = parsePort;
exports.parseNginxVersion = parseNginxVersion;
exports.stickyKind = stickyKind;
// Pure construction of Compose command lines, environments and the generated
// override file. No I/O here, so all of it is unit-tested without Docker.
const node_crypto_1 = require("node:crypto");
const names_1 = require("../../names");
/** The port every cart-api container listens on (Dockerfile `PORT`, compose files). */
exports.APP_PORT = 8000;
/** The port nginx listens on inside its container. */
exports.NGINX_PORT = 80;
function projectName(random = (0, node_crypto_1.randomBytes)(4).toString('hex')) {
    return `sticky-lab-${random}`;
}
/** Compose files for a store, relative to the repository root. */
function composeFiles(store, persistence = 'none') {
    if (store !== 'redis')
        return ['docker-compose.yml'];
    const redis = ['docker-compose.yml', 'docker-compose.redis.yml'];
    return persistence === 'aof' ? [...redis, 'docker-compose.redis-aof.yml'] : redis;
}
/**
 * Replicas docker-compose.yml defines (app4 under the `scale` profile); the
 * driver generates app5 and beyond. A drift test keeps this list in step
 * with the file.
 */
exports.DEFINED_REPLICAS = ['app1', 'app2', 'app3', 'app4'];
/** Profiles the driver enables so app4 is part of the model. */
exports.PROFILES = 'scale';
/**
 * `LAB_REPLICAS` as the nginx entrypoint script reads it: `app1=app1:8000 app2=app2:8000`.
 * `addresses` replaces a service name by a container address.
 */
function labReplicas(names, addresses = {}) {
    return names.map((n) => `${n}=${addresses[n] ?? n}:${exports.APP_PORT}`).join(' ');
}
/** `LAB_DOWN`: space-separated names of replicas marked `down`. */
function labDown(names) {
    return [...names].sort(names_1.byReplicaIndex).join(' ');
}
function nginxEnv(n) {
    return {
        LB_STRATEGY: n.strategy,
        LAB_REPLICAS: labReplicas(n.replicas, n.addresses),
        LAB_DOWN: labDown(n.down),
        ...(n.generation !== undefined ? { LAB_GENERATION: String(n.generation) } : {}),
    };
}
/**
 * Variables the compose files interpolate. An empty `LAB_HTTP_PORT` turns
 * `127.0.0.1:${LAB_HTTP_PORT-8080}:80` into `127.0.0.1::80`: Docker picks a
 * free host port, read back with `docker compose port`.
 */
function projectEnv(o) {
    return {
        ...nginxEnv(o),
        SESSION_SECRET: o.sessionSecret,
        LAB_HTTP_PORT: o.port ? String(o.port) : '',
        COMPOSE_PROFILES: exports.PROFILES,
    };
}
/** `docker compose -p NAME -f A -f B <args…>` as argv (without the binary). */
function composeArgv(p, ...args) {
    const [, ...prefix] = p.cli;
    return [...prefix, '-p', p.name, ...p.files.flatMap((f) => ['-f', f]), ...args];
}
/** Starts services without touching their dependencies (the driver orders them itself). */
function upArgs(services, build = false) {
    return ['up', '-d', '--no-deps', ...(build ? ['--build'] : []), ...services];
}
function stopArgs(service, timeoutS = 10) {
    return ['stop', '-t', String(timeoutS), service];
}
function killArgs(service) {
    return ['kill', '-s', 'SIGKILL', service];
}
function pauseArgs(service) {
    return ['pause', service];
}
function unpauseArgs(service) {
    return ['unpause', service];
}
function startArgs(service) {
    return ['start', service];
}
function restartArgs(service, timeoutS = 10) {
    return ['restart', '-t', String(timeoutS), service];
}
/** Stops and removes one service's container (scale-in). */
function removeArgs(service) {
    return ['rm', '--stop', '--force', service];
}
function portArgs(service, containerPort) {
    return ['port', service, String(containerPort)];
}
/** Container id of a service (`-a`: also when stopped). */
function containerIdArgs(service) {
    return ['ps', '-a', '-q', service];
}
function downArgs() {
    return ['down', '-v', '--remove-orphans', '-t', '5'];
}
function configJsonArgs() {
    return ['config', '--format', 'json'];
}
/** `exec -T` (no TTY: the lab reads the output) with extra environment. */
function execArgs(service, cmd, env = {}) {
    const envFlags = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    return ['exec', '-T', ...envFlags, service, ...cmd];
}
/**
 * Re-renders the templates inside the running nginx container the way its
 * entrypoint does at start (source every `*.envsh`, then the image's
 * envsubst script), checks the result and reloads. The container (and its
 * published port) stays; only the configuration changes.
 */
exports.NGINX_RERENDER_SCRIPT = [
    'set -e',
    'for f in $(find /docker-entrypoint.d/ -follow -type f -name "*.envsh" -print | sort -V); do . "$f"; done',
    'NGINX_ENTRYPOINT_QUIET_LOGS=1 /docker-entrypoint.d/20-envsubst-on-templates.sh',
    'nginx -t -q',
    'nginx -s reload',
].join('\n');
function nginxRerenderArgs(env) {
    return execArgs('nginx', ['sh', '-c', exports.NGINX_RERENDER_SCRIPT], nginxEnv(env));
}
/** The path the lab's nginx config answers with its generation number. */
exports.GENERATION_PATH = '/__lab/generation';
/** A container's addresses on its networks, space-separated (plain `docker`, not compose). */
function inspectAddressArgs(containerId) {
    return ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', containerId];
}
/** The first IPv4 address in `docker inspect` output. */
function parseAddress(output) {
    const ip = output.trim().split(/\s+/).find((a) => /^\d{1,3}(\.\d{1,3}){3}$/.test(a));
    if (!ip)
        throw new Error(`cannot read a container address from "${output.trim()}"`);
    return ip;
}
/** `docker compose port` prints `127.0.0.1:49153` (or `[::]:49153`). */
function parsePort(output) {
    const line = output.trim().split('\n').pop() ?? '';
    const m = /:(\d+)$/.exec(line.trim());
    const port = m ? Number(m[1]) : NaN;
    if (!(port > 0 && port < 65536))
        throw new Error(`cannot read a host port from "${output.trim()}"`);
    return port;
}
/** `nginx -v` prints `nginx version: nginx/1.30.0` on stderr. */
function parseNginxVersion(output) {
    const m = /nginx\/(\d+\.\d+\.\d+)/.exec(output);
    if (!m)
        throw new Error(`cannot read an nginx version from "${output.trim()}"`);
    return m[1];
}
/** The rendered config uses the native directive when it has a `sticky cookie` line. */
function stickyKind(strategy, renderedConfig) {
    if (strategy !== 'sticky-cookie')
        return 'n/a';
    return /^\s*sticky\s+cookie\b/m.test(renderedConfig) ? 'native' : 'portable';
}
//# sourceMappingURL=commands.js.map