// Which drivers the contract suite runs on, and what it needs from each that
// the Topology interface does not offer (a fault from outside the lab).
import { execFileSync } from 'node:child_process';
import { ComposeTopology, composeUnavailableReason } from '../../apps/lab/src/topology/drivers/compose';
import { DRIVERS, DriverName, Topology } from '../../apps/lab/src/topology';
import { missingBinaries } from './topology';

export interface ContractDriver {
  driver: DriverName;
  /** Why it cannot run here, or null. */
  unavailable(store: 'memory' | 'redis'): string | null;
  /** SIGKILLs a replica behind the lab's back; undefined when the driver has no way yet. */
  killFromOutside?(topo: Topology, name: string): Promise<void>;
  /** SIGKILLs the balancer behind the lab's back. */
  killBalancerFromOutside(topo: Topology): Promise<void>;
}

const CASES: Record<DriverName, ContractDriver> = {
  process: {
    driver: 'process',
    unavailable(store) {
      const missing = missingBinaries(store);
      return missing.length ? `${missing.join(' and ')} not installed (sudo apt-get install -y ${missing.join(' ')})` : null;
    },
    async killFromOutside(topo, name) {
      const pid = (await topo.status()).replicas.find((r) => r.name === name)?.pid;
      if (!pid) throw new Error(`${name} has no pid to kill`);
      process.kill(pid, 'SIGKILL');
    },
    async killBalancerFromOutside(topo) {
      const { pid } = (await topo.status()).balancer;
      if (!pid) throw new Error(`${topo.balancer} has no pid to kill`);
      process.kill(pid, 'SIGKILL');
    },
  },
  compose: {
    driver: 'compose',
    unavailable() {
      const why = composeUnavailableReason();
      return why ? `no Docker engine/Compose answers (${why})` : null;
    },
    async killFromOutside(topo, name) {
      // Another shell's `docker kill`: the container found by the engine's labels, not through the lab.
      const project = (topo as ComposeTopology).projectName;
      const ids = execFileSync('docker', ['ps', '-q', '--filter', `label=com.docker.compose.project=${project}`, '--filter', `label=com.docker.compose.service=${name}`], { timeout: 30_000 })
        .toString().trim().split('\n').filter(Boolean);
      if (ids.length !== 1) throw new Error(`expected one running ${name} container in ${project}, found ${ids.length}`);
      execFileSync('docker', ['kill', ids[0]], { timeout: 30_000, stdio: 'ignore' });
    },
    // The balancer's service is named after its engine (`nginx`, `haproxy`).
    killBalancerFromOutside(topo) {
      return this.killFromOutside!(topo, topo.balancer);
    },
  },
};

/**
 * Drivers named by LAB_DRIVER (one, or a comma-separated list), default
 * `process`; an unknown name fails loudly rather than testing nothing.
 */
export function contractDrivers(env = process.env.LAB_DRIVER): ContractDriver[] {
  const names = (env || 'process').split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!(DRIVERS as readonly string[]).includes(n)) throw new Error(`unknown LAB_DRIVER "${n}": use ${DRIVERS.join(', ')}`);
  }
  return [...new Set(names)].map((n) => CASES[n as DriverName]);
}
