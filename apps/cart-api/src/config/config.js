"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = exports.CONFIG_ENV_KEYS = exports.APP_CONFIG = void 0;
exports.loadConfig = loadConfig;
const node_crypto_1 = require("node:crypto");
const node_net_1 = require("node:net");
const node_os_1 = require("node:os");
const env_keys_1 = require("../../../../libs/env-keys");
exports.APP_CONFIG = Symbol('APP_CONFIG');
/** Every environment variable loadConfig reads (Compose files and the lab check against it). */
exports.CONFIG_ENV_KEYS = env_keys_1.CART_API_ENV_KEYS;
/** A bad environment value; the message is the one line printed at boot. */
class ConfigError extends Error {
}
exports.ConfigError = ConfigError;
function pick(env, name, fallback) {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
}
function oneOf(env, name, allowed, fallback) {
    const value = pick(env, name, fallback);
    if (!allowed.includes(value)) {
        throw new ConfigError(`${name}=${value} is invalid: expected one of ${allowed.join(', ')}`);
    }
    return value;
}
function intIn(env, name, min, max, fallback) {
    const value = pick(env, name, String(fallback));
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
        throw new ConfigError(`${name}=${value} is invalid: expected an integer from ${min} to ${max}`);
    }
    return n;
}
function list(value) {
    return value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
/** An entry Express' `trust proxy` (proxy-addr) accepts: a preset name, an IP, or IP/prefix. */
function validProxyEntry(entry) {
    if (PROXY_NAMES.includes(entry))
        return true;
    const [ip, prefix, extra] = entry.split('/');
    const family = (0, node_net_1.isIP)(ip);
    if (!family || extra !== undefined)
        return false;
    if (prefix === undefined)
        return true;
    const max = family === 4 ? 32 : 128;
    return (/^\d+$/.test(prefix) && Number(prefix) <= max) || (family === 4 && (0, node_net_1.isIP)(prefix) === 4);
}
function trustProxy(env) {
    // Loopback only by default: a replica listening on 0.0.0.0 must not let any
    // LAN or container-network client set the address it sees (X-Forwarded-For)
    // or the scheme that makes cookies Secure. Widen it to the balancer's address.
    const value = pick(env, 'TRUST_PROXY', 'loopback');
    const entries = list(value);
    const bad = entries.find((e) => !validProxyEntry(e));
    if (bad !== undefined || entries.length === 0) {
        throw new ConfigError(`TRUST_PROXY=${value} is invalid: expected a comma list of ${PROXY_NAMES.join(', ')}, IP addresses or CIDR ranges`);
    }
    return entries;
}
function redisUrl(env) {
    const value = pick(env, 'REDIS_URL', 'redis://localhost:6379');
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new ConfigError(`REDIS_URL=${value} is invalid: expected a URL like redis://host:6379`);
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
        throw new ConfigError(`REDIS_URL=${value} is invalid: expected a redis:// or rediss:// URL`);
    }
    return value;
}
function host(env) {
    const value = pick(env, 'HOST', '0.0.0.0');
    if (!(0, node_net_1.isIP)(value) && !/^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/.test(value)) {
        throw new ConfigError(`HOST=${value} is invalid: expected an IP address or a host name`);
    }
    return value;
}
function appName(env) {
    const value = pick(env, 'APP_NAME', (0, node_os_1.hostname)());
    if (!/^[\w.-]{1,64}$/.test(value)) {
        throw new ConfigError(`APP_NAME=${value} is invalid: expected 1-64 letters, digits, '.', '_' or '-'`);
    }
    return value;
}
function secrets(env) {
    const given = list(env.SESSION_SECRET ?? '');
    if (given.length > 0)
        return { sessionSecrets: given, secretGenerated: false };
    return { sessionSecrets: [(0, node_crypto_1.randomBytes)(32).toString('hex')], secretGenerated: true };
}
function instanceId(env) {
    const value = pick(env, 'INSTANCE_ID', '');
    if (value === '')
        return undefined;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) {
        throw new ConfigError(`INSTANCE_ID=${value.slice(0, 80)} is invalid: expected 1-64 letters, digits, '_' or '-'`);
    }
    return value;
}
/** Parses and validates the environment; throws ConfigError naming the bad variable. */
function loadConfig(env = process.env) {
    const cookie = oneOf(env, 'COOKIE_SECURE', ['auto', 'true', 'false'], 'auto');
    return {
        port: intIn(env, 'PORT', 0, 65535, 8000),
        host: host(env),
        appName: appName(env),
        sessionStore: oneOf(env, 'SESSION_STORE', ['memory', 'redis'], 'memory'),
        redisUrl: redisUrl(env),
        ...secrets(env),
        sessionTtlSeconds: intIn(env, 'SESSION_TTL_SECONDS', 1, 30 * 86400, 1800),
        sessionMax: intIn(env, 'SESSION_MAX', 1, 10_000_000, 100_000),
        cookieSecure: cookie === 'auto' ? 'auto' : cookie === 'true',
        trustProxy: trustProxy(env),
        logLevel: oneOf(env, 'LOG_LEVEL', ['info', 'silent'], 'info'),
        instanceId: instanceId(env),
    };
}
//# sourceMappingURL=config.js.map