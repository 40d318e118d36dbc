// Test harness over the real topology: boots it, runs the body, and ALWAYS
// tears it down; when the body fails, prints the evidence (rendered nginx
// config, nginx error/access logs, replica logs) before rethrowing.
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { createTopology, CreateTopologyOptions, Topology } from '../../apps/lab/src/topology';
import { noteSkip } from './skip';

export type TestTopologyOptions = Partial<CreateTopologyOptions> & Pick<CreateTopologyOptions, 'strategy'>;

const TAIL_LINES = 60;

export async function withTopology<T>(opts: TestTopologyOptions, body: (topo: Topology) => Promise<T>): Promise<T> {
  const topo = await createTopology({ store: 'memory', ...opts });
  try {
    return await body(topo);
  } catch (err) {
    await printEvidence(topo, err);
    throw err;
  } finally {
    await topo.down();
  }
}

export async function evidence(topo: Topology): Promise<string> {
  const parts = [`==== balancer config (${topo.strategy}, ${topo.store}) ====\n${await topo.balancerConfig()}`];
  for (const [name, text] of Object.entries(await topo.logs())) parts.push(`==== ${name} (last ${TAIL_LINES} lines) ====\n${tail(text)}`);
  return parts.join('\n');
}

async function printEvidence(topo: Topology, err: unknown): Promise<void> {
  try {
    const status = JSON.stringify(await topo.status(), null, 1);
    process.stderr.write(`\n#### topology evidence for: ${String((err as Error)?.message ?? err).split('\n')[0]}\n${status}\n${await evidence(topo)}\n`);
  } catch (e) {
    process.stderr.write(`\n#### could not collect topology evidence: ${String(e)}\n`);
  }
}

function tail(text: string): string {
  return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
}

/** Binaries the process driver needs for `store`; empty when all are installed. */
export function missingBinaries(store: 'memory' | 'redis' = 'memory'): string[] {
  const needed = store === 'redis' ? ['nginx', 'redis-server'] : ['nginx'];
  return needed.filter((b) => !findBinary(b));
}

/**
 * `describe` that is skipped, saying why in the output, when this machine lacks
 * a binary the topology needs (never a silent pass).
 */
export function describeTopology(name: string, store: 'memory' | 'redis', fn: () => void): void {
  const missing = missingBinaries(store);
  if (missing.length === 0) return describe(name, fn);
  describeSkipped(name, `${missing.join(' and ')} not installed (sudo apt-get install -y ${missing.join(' ')})`);
}

/**
 * A suite that cannot run here: the reason goes to stderr while the file is
 * collected (Jest runs no hooks of a block whose tests are all skipped) and
 * into the skipped test's name.
 */
export function describeSkipped(name: string, why: string): void {
  noteSkip(`${name}: ${why}`);
  describe(`${name} [skipped: ${why}]`, () => {
    it.skip(`needs ${why}`, () => undefined);
  });
}
