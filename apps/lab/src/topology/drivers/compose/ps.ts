// What the engine says about the project's containers, read in one `docker
// ps` call and turned into the lab's states. The engine is the truth: a
// container killed with `docker kill` from another shell shows as killed.
import type { ReplicaState } from '../../topology';

const LABEL = 'com.docker.compose.project';
const SERVICE = 'com.docker.compose.service';

export interface Container {
  id: string;
  service: string;
  /** `running`, `paused`, `exited`, `created`, `restarting`, `dead`. */
  state: string;
  /** Exit code when exited (`Exited (137) 3 seconds ago`), else undefined. */
  exitCode?: number;
}

/** Every container of the project, stopped ones too (plain `docker`, one call). */
export function psArgs(project: string): string[] {
  return ['ps', '-a', '--no-trunc', '--filter', `label=${LABEL}=${project}`, '--format', `{{.ID}}\t{{.Label "${SERVICE}"}}\t{{.State}}\t{{.Status}}`];
}

export function parsePs(output: string): Map<string, Container> {
  const out = new Map<string, Container>();
  for (const line of output.split('\n')) {
    const [id, service, state, status] = line.split('\t');
    if (!id || !service || !state) continue;
    const code = /^Exited \((\d+)\)/.exec(status ?? '');
    out.set(service, { id, service, state, exitCode: code ? Number(code[1]) : undefined });
  }
  return out;
}

/**
 * The lab's state for a replica's container. `intent` is what the lab last
 * did to it: `stop` ends in SIGKILL after its grace period (exit 137) and is
 * still a stop. Without an intent, an exit by signal 9 (137) reads `killed`
 * (`docker kill`, the OOM killer) and any other exit `stopped`.
 */
export function stateOf(c: Container | undefined, intent?: 'stop' | 'kill'): ReplicaState {
  if (!c) return 'stopped';
  if (c.state === 'running') return 'running';
  if (c.state === 'paused') return 'paused';
  if (c.state === 'created' || c.state === 'restarting') return 'starting';
  if (intent === 'stop') return 'stopped';
  if (intent === 'kill') return 'killed';
  return c.exitCode === 137 ? 'killed' : 'stopped';
}
