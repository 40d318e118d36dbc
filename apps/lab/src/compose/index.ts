// The compose driver: `LAB_DRIVER=compose` (see docs/docker.md). Loaded lazily
// by createTopology so machines without Docker never touch it.
import type { Topology, TopologyOptions } from '../topology/topology';
import { requireCompose } from './cli';
import { ComposeTopology } from './compose-topology';

export { ComposeUnavailableError, composeUnavailableReason, requireCompose } from './cli';
export { ComposeTopology } from './compose-topology';

/**
 * Builds the images, starts redis (redis store), the replicas and nginx
 * under a unique project name, and resolves once nginx answers on its
 * loopback port. Throws ComposeUnavailableError when no Docker engine or
 * Compose CLI is present.
 */
export async function startComposeTopology(opts: TopologyOptions): Promise<Topology> {
  return ComposeTopology.start(opts, requireCompose());
}
