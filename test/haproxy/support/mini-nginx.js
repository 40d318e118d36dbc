"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MiniNginx = void 0;
const node_child_process_1 = require("node:child_process");
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const find_binary_1 = require("../../../apps/lab/src/util/find-binary");
const free_port_1 = require("../../../apps/lab/src/util/free-port");
const wait_1 = require("../../../apps/lab/src/util/wait");
const probe_1 = require("../../support/probe");
/**
 * The smallest nginx that balances with `hash $remote_addr consistent`
 * (ketama, 160 points per weight unit), written here so the comparison with
 * HAProxy's ring depends on nothing but the hash line and the server list.
 */
class MiniNginx {
    dir;
    url;
    child;
    constructor(dir, url, child) {
        this.dir = dir;
        this.url = url;
        this.child = child;
    }
    static async start(servers) {
        const dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'lab-mini-nginx-'));
        const port = await (0, free_port_1.freePort)();
        const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `${n}_temp_path ${dir}/${n};`).join(' ');
        const conf = [
            // As root, workers would switch to nobody, who cannot enter a 0700 temp dir.
            ...(process.getuid?.() === 0 ? ['user root;'] : []),
            `worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;`,
            'events { worker_connections 256; }',
            `http { access_log off; ${temp}`,
            '  upstream b {',
            '    hash $remote_addr consistent;',
            ...servers.map((s) => `    server ${s.host}:${s.port};`),
            '  }',
            `  server { listen 127.0.0.1:${port}; location / { proxy_pass http://b; } }`,
            '}',
        ].join('\n');
        await (0, promises_1.writeFile)((0, node_path_1.join)(dir, 'nginx.conf'), conf);
        const args = ['-p', dir, '-c', (0, node_path_1.join)(dir, 'nginx.conf'), '-e', (0, node_path_1.join)(dir, 'error.log'), '-g', 'daemon off;'];
        const child = (0, node_child_process_1.spawn)((0, find_binary_1.requireBinary)('nginx', 'nginx'), args, { stdio: 'ignore', detached: true });
        const nginx = new MiniNginx(dir, `http://127.0.0.1:${port}`, child);
        try {
            await (0, wait_1.waitFor)('the mini nginx to answer', async () => {
                if (child.exitCode !== null)
                    throw new Error(`nginx exited with ${child.exitCode}`);
                return (await (0, probe_1.probe)(`${nginx.url}/`, { timeoutMs: 1000 })).status === 200;
            });
        }
        catch (err) {
            await nginx.stop();
            throw err;
        }
        return nginx;
    }
    async stop() {
        if (this.child.exitCode === null && this.child.signalCode === null) {
            const exited = new Promise((r) => this.child.once('exit', r));
            try {
                process.kill(-this.child.pid, 'SIGKILL');
            }
            catch {
                // already gone
            }
            await exited;
        }
        await (0, promises_1.rm)(this.dir, { recursive: true, force: true });
    }
}
exports.MiniNginx = MiniNginx;
//# sourceMappingURL=mini-nginx.js.map