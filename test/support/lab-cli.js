"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.alive = exports.MAIN = exports.ROOT = void 0;
exports.lab = lab;
exports.spawnLab = spawnLab;
exports.ensureBuilt = ensureBuilt;
// Running the BUILT lab CLI (`node dist/apps/lab/main.js`, what `npm run lab --`
// runs) as a child process, the way a person uses it from another terminal.
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
exports.ROOT = (0, node_path_1.resolve)(__dirname, '../..');
exports.MAIN = (0, node_path_1.join)(exports.ROOT, 'dist/apps/lab/main.js');
/** The CLI with its state in `stateDir` (LAB_STATE_DIR), no colour, bounded in time. */
function lab(stateDir, args, timeoutMs = 240_000, extraEnv = {}) {
    return new Promise((done) => {
        const env = { ...process.env, LAB_STATE_DIR: stateDir, NO_COLOR: '1', ...extraEnv };
        (0, node_child_process_1.execFile)(process.execPath, [exports.MAIN, ...args], { env, cwd: exports.ROOT, timeout: timeoutMs }, (err, stdout, stderr) => {
            const code = err ? (err.code ?? null) : 0;
            done({ code: typeof code === 'number' ? code : null, stdout, stderr });
        });
    });
}
function spawnLab(stateDir, args) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [exports.MAIN, ...args], { env: { ...process.env, LAB_STATE_DIR: stateDir, NO_COLOR: '1' }, cwd: exports.ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const output = () => ({ code: child.exitCode, stdout, stderr });
    const exited = new Promise((done) => child.once('close', () => done(output())));
    return { child, output, exited };
}
var pid_alive_1 = require("../../apps/lab/src/util/pid-alive");
Object.defineProperty(exports, "alive", { enumerable: true, get: function () { return pid_alive_1.pidAlive; } });
/** Sources of an app edited after its last build (tsc -b rewrites the buildinfo whenever it builds). */
function staleBuild() {
    return ['lab', 'cart-api'].some((app) => {
        const info = (0, node_path_1.join)(exports.ROOT, 'dist/tsbuildinfo', `${app}.tsbuildinfo`);
        if (!(0, node_fs_1.existsSync)(info))
            return true;
        const newer = (0, node_child_process_1.execFileSync)('find', [(0, node_path_1.join)(exports.ROOT, 'apps', app, 'src'), '-name', '*.ts', '!', '-name', '*.spec.ts', '-newer', info]);
        return newer.toString().trim() !== '';
    });
}
/** `npm test` builds first; a direct `npx jest` run must not test a stale CLI. */
function ensureBuilt() {
    if ((0, node_fs_1.existsSync)(exports.MAIN) && !staleBuild())
        return;
    try {
        (0, node_child_process_1.execFileSync)('npm', ['run', '-s', 'build'], { cwd: exports.ROOT, stdio: 'pipe', timeout: 240_000 });
    }
    catch (err) {
        // tsc still emits on type errors elsewhere in the tree; only a missing CLI is fatal
        if (!(0, node_fs_1.existsSync)(exports.MAIN))
            throw err;
        console.warn(`npm run build failed; testing the CLI as emitted:\n${String(err.stdout ?? err).slice(0, 2000)}`);
    }
}
//# sourceMappingURL=lab-cli.js.map