"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CART_API_ENTRY = void 0;
exports.builtEntryMissing = builtEntryMissing;
exports.spawnApi = spawnApi;
exports.startApi = startApi;
exports.stopApi = stopApi;
// The built service (dist/apps/cart-api/main.js) as a child process, for the
// behaviour only a real process shows: boot-time config errors, SIGTERM.
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const free_port_1 = require("../../apps/lab/src/util/free-port");
const wait_1 = require("../../apps/lab/src/util/wait");
exports.CART_API_ENTRY = (0, node_path_1.join)(__dirname, '../../dist/apps/cart-api/main.js');
function builtEntryMissing() {
    return (0, node_fs_1.existsSync)(exports.CART_API_ENTRY) ? null : `${exports.CART_API_ENTRY} is missing: run npm run build first`;
}
/** Spawns main.js with only the given cart-api env (plus PATH/HOME); does not wait. */
function spawnApi(env) {
    const port = env.PORT ?? '0';
    let out = '';
    const child = (0, node_child_process_1.spawn)(process.execPath, [exports.CART_API_ENTRY], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (out += d.toString()));
    child.stderr?.on('data', (d) => (out += d.toString()));
    const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
    return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}
/** Spawns main.js on a free port and waits until /health/live answers. */
async function startApi(env = {}) {
    const port = String(await (0, free_port_1.freePort)());
    const api = spawnApi({ APP_NAME: 'proc-app', SESSION_SECRET: 'proc-secret', ...env, PORT: port });
    await (0, wait_1.waitFor)(`cart-api on port ${port}`, async () => {
        if (api.child.exitCode !== null)
            throw new Error(`exited: ${api.output()}`);
        return (await fetch(`${api.url}/health/live`).catch(() => null))?.status === 200;
    }, { timeoutMs: 20_000, intervalMs: 100 });
    return api;
}
async function stopApi(api) {
    if (api.child.exitCode === null && api.child.signalCode === null) {
        api.child.kill('SIGKILL');
        await api.exited;
    }
}
//# sourceMappingURL=cart-api-process.js.map