import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { findBinary } from '../util/find-binary';
import type { Pinning } from './pinning';

export interface Machine {
  cpu: string;
  cores: number;
  memory_gib: number;
  node: string;
  nginx: string | null;
  redis: string | null;
  caveat: string;
}

export function caveatFor(p: Pinning, cores: number): string {
  if (p.pinned) {
    return (
      `servers pinned to core(s) ${p.servers} while measured (they boot on every core), load generator (${p.generatorProcesses} process) on core(s) ${p.generator} (taskset); ` +
      'other work on the machine still shares them: trust the server CPU per request and the ratios of one run more than req/s'
    );
  }
  return (
    `NOT pinned (${p.reason}): the load generator and the servers share these ${cores} cores; ` +
    'absolute figures are noise, compare the server CPU per request and the ratios measured in the same run'
  );
}

/** `binary args` output matched against `pattern`; nginx prints its version on stderr, redis on stdout. */
function versionOf(binary: string, args: string[], pattern: RegExp): string | null {
  const path = findBinary(binary);
  if (!path) return null;
  const res = spawnSync(path, args, { encoding: 'utf8', timeout: 5_000 });
  return pattern.exec(`${res.stdout ?? ''}${res.stderr ?? ''}`)?.[1] ?? null;
}

export function describeMachine(pinning: Pinning): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memory_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    nginx: versionOf('nginx', ['-v'], /nginx\/(\S+)/),
    redis: versionOf('redis-server', ['--version'], /v=(\S+)/),
    caveat: caveatFor(pinning, list.length),
  };
}
