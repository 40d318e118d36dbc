"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPLICA_PORT = void 0;
exports.replicaPort = replicaPort;
exports.cloneReplica = cloneReplica;
exports.overrideFile = overrideFile;
// The per-run override file the driver adds after the repository's compose
// files: direct loopback ports for every replica (probes and the bench talk
// to a replica without nginx) and the replicas beyond app1..app4 (scale-out).
// Compose reads JSON as YAML, so the file is written as JSON.
const commands_1 = require("./commands");
/** `127.0.0.1:PORT:8000`, or an ephemeral loopback port when none was chosen. */
function replicaPort(hostPort) {
    return hostPort ? `127.0.0.1:${hostPort}:${commands_1.APP_PORT}` : exports.REPLICA_PORT;
}
/** Ephemeral host port on loopback only: nothing outside the machine reaches a replica. */
exports.REPLICA_PORT = `127.0.0.1::${commands_1.APP_PORT}`;
// Keys of a resolved service that must not be copied to a new replica: the
// container's identity and its published ports belong to the original.
const NOT_COPIED = new Set(['container_name', 'hostname', 'ports', 'labels']);
/** A new replica defined like `model`, with its own name. */
function cloneReplica(model, name, env) {
    const copy = {};
    for (const [k, v] of Object.entries(model)) {
        if (v !== null && v !== undefined && !NOT_COPIED.has(k))
            copy[k] = v;
    }
    const environment = { ...(model.environment ?? {}), ...env, APP_NAME: name };
    return { ...copy, environment, ports: [exports.REPLICA_PORT] };
}
function overrideFile(o) {
    const services = {};
    for (const name of o.replicas) {
        const env = { ...o.env, ...(o.instances?.[name] ? { INSTANCE_ID: o.instances[name] } : {}) };
        const ports = [replicaPort(o.hostPorts?.[name])];
        if (o.defined.includes(name)) {
            services[name] = { ports, ...(Object.keys(env).length ? { environment: env } : {}) };
        }
        else {
            if (!o.model)
                throw new Error(`cannot define ${name}: no model service resolved yet`);
            services[name] = { ...cloneReplica(o.model, name, env), ports };
        }
    }
    return { services };
}
//# sourceMappingURL=override.js.map