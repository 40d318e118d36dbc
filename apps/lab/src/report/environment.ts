import { execFile } from 'node:child_process';
import { cpus } from 'node:os';
import { promisify } from 'node:util';
import { findBinary } from '../util/find-binary';
import { nginxVersion } from '../nginx';

const run = promisify(execFile);

/** The machine the matrix was measured on, in one line for the report header. */
export async function describeEnvironment(): Promise<string> {
  const nginx = await nginxVersion().catch(() => 'nginx ?');
  const redisBin = findBinary('redis-server');
  const redis = redisBin ? await run(redisBin, ['--version']).then((r) => /v=(\S+)/.exec(r.stdout)?.[1] ?? '?', () => '?') : 'not installed';
  const cpu = cpus();
  return `nginx ${nginx.replace(/^nginx\s*/, '')}, redis ${redis}, node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), 3 replicas`;
}
