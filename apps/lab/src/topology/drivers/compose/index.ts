// The compose driver: `LAB_DRIVER=compose` (see docs/docker.md and docs/lab-driver.md).
import { requireCompose } from './cli';
import { ComposeTopology } from './compose-topology';
import type { TopologyOptions } from '../../topology';

export { ComposeUnavailableError, composeUnavailableReason, requireCompose } from './cli';
export { ComposeTopology } from './compose-topology';
export { clientNetUnavailableReason } from './client-net';

/**
 * Builds the image once, starts redis (redis store), the replicas and nginx
 * under a unique project name, and resolves once nginx answers on its
 * loopback port. Throws ComposeUnavailableError when no Docker engine or
 * Compose CLI is present (checked before anything starts).
 */
export async function startComposeTopology(opts: TopologyOptions): Promise<ComposeTopology> {
  return ComposeTopology.start(opts, requireCompose());
}
