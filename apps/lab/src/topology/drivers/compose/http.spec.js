"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The readiness checks must end every attempt on their own. Run in a child
// process holding nothing else, as `lab report` does while it waits: if an
// attempt could stay pending with no timer keeping the process alive, the
// child would exit 0 mid-wait, having printed nothing.
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const typescript_1 = require("typescript");
const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'compose-http-'));
for (const [src, out] of [
    [(0, node_path_1.join)(__dirname, 'http.ts'), 'http.js'],
    [(0, node_path_1.join)(__dirname, '..', '..', '..', 'util', 'wait.ts'), 'wait.js'],
]) {
    const js = (0, typescript_1.transpileModule)((0, node_fs_1.readFileSync)(src, 'utf8'), { compilerOptions: { module: typescript_1.ModuleKind.CommonJS, target: typescript_1.ScriptTarget.ES2022 } });
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, out), js.outputText);
}
afterAll(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
/** Like Docker's proxy before the container listens: accepts, then closes without a word. */
function closingServer() {
    const server = (0, node_net_1.createServer)((s) => s.destroy());
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
function runChild(script) {
    return new Promise((resolve) => {
        const child = (0, node_child_process_1.execFile)(process.execPath, ['-e', script], { cwd: dir, timeout: 20_000 }, (err, stdout) => {
            resolve({ code: err ? (err.code ?? null) : 0, stdout });
        });
        child.stdin?.end();
    });
}
describe('compose readiness checks', () => {
    let server;
    let url;
    beforeAll(async () => {
        server = await closingServer();
        url = `http://127.0.0.1:${server.address().port}`;
    });
    afterAll(() => new Promise((r) => server.close(r)));
    it('a readiness wait on a port that accepts and closes ends in a timeout, not a silent exit', async () => {
        const script = `
      const { replicaReady } = require('./http.js');
      const { waitFor } = require('./wait.js');
      waitFor('ready', () => replicaReady(${JSON.stringify(url)}), { timeoutMs: 1500, intervalMs: 20 })
        .then(() => console.log('READY'), (e) => console.log('WAIT-ENDED ' + e.message));
    `;
        const { code, stdout } = await runChild(script);
        expect(stdout).toMatch(/^WAIT-ENDED timed out after 1500 ms waiting for ready/m);
        expect(code).toBe(0);
    });
    it('one attempt answers null within its bound', async () => {
        const script = `
      const { get, getText } = require('./http.js');
      const t = Date.now();
      Promise.all([get(${JSON.stringify(url)}, 400), getText(${JSON.stringify(url)}, 400)])
        .then((r) => console.log('ANSWER ' + JSON.stringify(r) + ' ' + (Date.now() - t)));
    `;
        const { stdout } = await runChild(script);
        const m = /^ANSWER (\S+) (\d+)$/m.exec(stdout);
        expect(m).not.toBeNull();
        expect(JSON.parse(m[1])).toEqual([null, null]);
        expect(Number(m[2])).toBeLessThan(5_000);
    });
});
//# sourceMappingURL=http.spec.js.map