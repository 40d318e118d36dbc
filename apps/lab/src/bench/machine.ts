import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { findBinary } from '../util/find-binary';

export interface Machine {
  cpu: string;
  cores: number;
  memory_gib: number;
  node: string;
  nginx: string | null;
  redis: string | null;
  caveat: string;
}

/** `binary args` output matched against `pattern`; nginx prints its version on stderr, redis on stdout. */
function versionOf(binary: string, args: string[], pattern: RegExp): string | null {
  const path = findBinary(binary);
  if (!path) return null;
  const res = spawnSync(path, args, { encoding: 'utf8', timeout: 5_000 });
  return pattern.exec(`${res.stdout ?? ''}${res.stderr ?? ''}`)?.[1] ?? null;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memory_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    nginx: versionOf('nginx', ['-v'], /nginx\/(\S+)/),
    redis: versionOf('redis-server', ['--version'], /v=(\S+)/),
    caveat:
      `load generator (autocannon, in the bench process) and servers (child processes) share these ${list.length} cores; ` +
      'absolute figures are noise, compare the ratios measured in the same run',
  };
}
