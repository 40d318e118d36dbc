"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EchoProcess = void 0;
const node_child_process_1 = require("node:child_process");
const wait_1 = require("../../../apps/lab/src/util/wait");
// A replica stand-in in its own process, for what only a process can do:
// SIGSTOP (accepts connections, never answers), like a paused replica.
const SERVER = `
const name = process.argv[1];
const s = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.setHeader('X-Served-By', name); res.end(JSON.stringify({ served_by: name })); });
});
s.listen(0, '127.0.0.1', () => console.log('port=' + s.address().port));
`;
class EchoProcess {
    name;
    port;
    child;
    constructor(name, port, child) {
        this.name = name;
        this.port = port;
        this.child = child;
    }
    static async start(name) {
        const child = (0, node_child_process_1.spawn)(process.execPath, ['-e', SERVER, name], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout?.on('data', (d) => (out += d.toString()));
        const port = await (0, wait_1.waitFor)(`echo process ${name} to listen`, () => {
            if (child.exitCode !== null)
                throw new Error(`echo process ${name} exited`);
            const m = /port=(\d+)/.exec(out);
            return m ? Number(m[1]) : null;
        });
        return new EchoProcess(name, port, child);
    }
    get replica() {
        return { name: this.name, host: '127.0.0.1', port: this.port };
    }
    pause() {
        this.child.kill('SIGSTOP');
    }
    resume() {
        this.child.kill('SIGCONT');
    }
    async kill() {
        if (this.child.exitCode !== null || this.child.signalCode !== null)
            return;
        const exited = new Promise((r) => this.child.once('exit', () => r()));
        this.child.kill('SIGCONT');
        this.child.kill('SIGKILL');
        await exited;
    }
}
exports.EchoProcess = EchoProcess;
//# sourceMappingURL=echo-process.js.map