// The per-run override file the driver adds after the repository's compose
// files: direct loopback ports for every replica (probes and the bench talk
// to a replica without nginx) and the replicas beyond app1..app4 (scale-out).
// Compose reads JSON as YAML, so the file is written as JSON.
import { APP_PORT } from './commands';

export type ServiceDef = Record<string, unknown>;

export interface OverrideOptions {
  /** Every replica the run has defined so far, in order. */
  replicas: readonly string[];
  /** Replicas the repository's compose files define (app1..app4). */
  defined: readonly string[];
  /** app1 as `docker compose config --format json` resolved it: the model for added replicas. */
  model?: ServiceDef;
  /** Extra environment for every replica. */
  env: Record<string, string>;
  /** INSTANCE_ID per replica: readiness counts only the container that answers with its own. */
  instances?: Record<string, string>;
  /**
   * Host port per replica. Docker picks a new ephemeral port each time a
   * container starts; a fixed one keeps a replica's direct URL across
   * stop/start, as the Topology interface promises.
   */
  hostPorts?: Record<string, number>;
  /** Attach `service` (the balancer) to an existing network at a fixed address: the lab clients' network. */
  clientNet?: { service: string; network: string; address: string };
}

export interface OverrideFile {
  services: Record<string, ServiceDef>;
  networks?: Record<string, ServiceDef>;
}

/** `127.0.0.1:PORT:8000`, or an ephemeral loopback port when none was chosen. */
export function replicaPort(hostPort?: number): string {
  return hostPort ? `127.0.0.1:${hostPort}:${APP_PORT}` : REPLICA_PORT;
}

/** Ephemeral host port on loopback only: nothing outside the machine reaches a replica. */
export const REPLICA_PORT = `127.0.0.1::${APP_PORT}`;

// Keys of a resolved service that must not be copied to a new replica: the
// container's identity and its published ports belong to the original.
const NOT_COPIED = new Set(['container_name', 'hostname', 'ports', 'labels']);

/** A new replica defined like `model`, with its own name. */
export function cloneReplica(model: ServiceDef, name: string, env: Record<string, string>): ServiceDef {
  const copy: ServiceDef = {};
  for (const [k, v] of Object.entries(model)) {
    if (v !== null && v !== undefined && !NOT_COPIED.has(k)) copy[k] = v;
  }
  const environment = { ...((model.environment as Record<string, string>) ?? {}), ...env, APP_NAME: name };
  return { ...copy, environment, ports: [REPLICA_PORT] };
}

export function overrideFile(o: OverrideOptions): OverrideFile {
  const services: Record<string, ServiceDef> = {};
  for (const name of o.replicas) {
    const env = { ...o.env, ...(o.instances?.[name] ? { INSTANCE_ID: o.instances[name] } : {}) };
    const ports = [replicaPort(o.hostPorts?.[name])];
    if (o.defined.includes(name)) {
      services[name] = { ports, ...(Object.keys(env).length ? { environment: env } : {}) };
    } else {
      if (!o.model) throw new Error(`cannot define ${name}: no model service resolved yet`);
      services[name] = { ...cloneReplica(o.model, name, env), ports };
    }
  }
  if (!o.clientNet) return { services };
  // `default` spelled out: naming any network replaces the implicit one.
  services[o.clientNet.service] = { networks: { default: {}, labclients: { ipv4_address: o.clientNet.address } } };
  return { services, networks: { labclients: { external: true, name: o.clientNet.network } } };
}
