"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// Compose's own validation of every file combination the docs give, when a
// Compose CLI is installed (no engine needed for `config`); in CI the Compose
// v2 plugin is installed by scripts/docker-engine.sh before the Docker suites.
const node_child_process_1 = require("node:child_process");
const cli_1 = require("../../apps/lab/src/topology/drivers/compose/cli");
const support_1 = require("./support");
const skip_1 = require("../support/skip");
const cli = (0, cli_1.findComposeCli)();
if (!cli)
    (0, skip_1.noteSkip)('compose-config.spec: neither `docker compose` nor `docker-compose` is installed here');
const describeWithCli = cli ? describe : describe.skip;
const COMBINATIONS = [
    ['docker-compose.yml'],
    ['docker-compose.yml', 'docker-compose.redis.yml'],
    ['docker-compose.yml', 'docker-compose.redis.yml', 'docker-compose.redis-aof.yml'],
    ['docker-compose.yml', 'docker-compose.scale.yml'],
    ['docker-compose.yml', 'docker-compose.redis.yml', 'docker-compose.scale.yml'],
    ['docker-compose.yml', 'docker-compose.clients.yml'],
];
describeWithCli('compose config', () => {
    it.each(COMBINATIONS.map((files) => [files.join(' + '), files]))('%s is valid', (_label, files) => {
        const [bin, ...prefix] = cli;
        const args = [...prefix, ...files.flatMap((f) => ['-f', f]), '--profile', 'scale', 'config', '-q'];
        expect(() => (0, node_child_process_1.execFileSync)(bin, args, { cwd: support_1.ROOT, stdio: 'pipe', timeout: 60_000 })).not.toThrow();
    });
});
//# sourceMappingURL=compose-config.spec.js.map