// Compose's own validation of every file combination the docs give, when a
// Compose CLI is installed (no engine needed for `config`); in CI the Compose
// v2 plugin is installed by scripts/docker-engine.sh before the Docker suites.
import { execFileSync } from 'node:child_process';
import { findComposeCli } from '../../apps/lab/src/topology/drivers/compose/cli';
import { ROOT } from './support';
import { noteSkip } from '../support/skip';

const cli = findComposeCli();
if (!cli) noteSkip('compose-config.spec: neither `docker compose` nor `docker-compose` is installed here');
const describeWithCli = cli ? describe : describe.skip;

const COMBINATIONS = [
  ['docker-compose.yml'],
  ['docker-compose.yml', 'docker-compose.redis.yml'],
  ['docker-compose.yml', 'docker-compose.redis.yml', 'docker-compose.redis-aof.yml'],
  ['docker-compose.yml', 'docker-compose.scale.yml'],
  ['docker-compose.yml', 'docker-compose.redis.yml', 'docker-compose.scale.yml'],
  ['docker-compose.yml', 'docker-compose.clients.yml'],
  ['docker-compose.yml', 'docker-compose.haproxy.yml'],
  ['docker-compose.yml', 'docker-compose.redis.yml', 'docker-compose.haproxy.yml'],
  ['docker-compose.yml', 'docker-compose.redis.yml', 'docker-compose.redis-sentinel.yml'],
];

describeWithCli('compose config', () => {
  it.each(COMBINATIONS.map((files) => [files.join(' + '), files]))('%s is valid', (_label, files) => {
    const [bin, ...prefix] = cli!;
    const args = [...prefix, ...(files as string[]).flatMap((f) => ['-f', f]), '--profile', 'scale', 'config', '-q'];
    expect(() => execFileSync(bin, args, { cwd: ROOT, stdio: 'pipe', timeout: 60_000 })).not.toThrow();
  });
});
