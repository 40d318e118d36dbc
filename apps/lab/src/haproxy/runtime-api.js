"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RuntimeApi = void 0;
const node_net_1 = require("node:net");
// Names reach a line-oriented CLI where `;` separates commands and a newline
// ends one: only plain names may pass.
const NAME = /^[A-Za-z0-9_-]{1,64}$/;
function checkName(what, value) {
    if (!NAME.test(value))
        throw new Error(`bad ${what} name for the runtime API: ${JSON.stringify(value)}`);
    return value;
}
/** HAProxy's runtime API on a unix socket: one connection per command. */
class RuntimeApi {
    socketPath;
    backend;
    constructor(socketPath, backend = 'lab_backend') {
        this.socketPath = socketPath;
        this.backend = backend;
    }
    /** Sends one command and returns the whole answer (the socket closes after it). */
    command(line, timeoutMs = 5_000) {
        if (/[\n;]/.test(line))
            throw new Error(`one command only, got ${JSON.stringify(line)}`);
        return new Promise((resolve, reject) => {
            const socket = (0, node_net_1.createConnection)(this.socketPath);
            let out = '';
            socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`runtime API: no answer to "${line}" within ${timeoutMs} ms`)));
            socket.on('connect', () => socket.end(`${line}\n`));
            socket.on('data', (d) => {
                out += d.toString();
                if (out.length > 8 << 20)
                    socket.destroy(new Error('runtime API: answer over 8 MiB'));
            });
            socket.on('error', reject);
            socket.on('close', (hadError) => {
                if (!hadError)
                    resolve(out);
            });
        });
    }
    /** `set server be/srv state …`; rejects with HAProxy's message when it refuses. */
    async setServerState(server, state) {
        const answer = await this.command(`set server ${checkName('backend', this.backend)}/${checkName('server', server)} state ${state}`);
        if (answer.trim())
            throw new Error(`runtime API refused ${state} for ${server}: ${answer.trim()}`);
    }
    drain(server) {
        return this.setServerState(server, 'drain');
    }
    ready(server) {
        return this.setServerState(server, 'ready');
    }
    maint(server) {
        return this.setServerState(server, 'maint');
    }
    async servers() {
        const answer = await this.command(`show servers state ${checkName('backend', this.backend)}`);
        const lines = answer.split('\n').filter((l) => l.trim());
        const header = lines.find((l) => l.startsWith('# be_id'))?.slice(2).split(' ');
        if (!header)
            throw new Error(`runtime API: unexpected "show servers state" answer: ${answer.slice(0, 200)}`);
        const col = (row, name) => row[header.indexOf(name)] ?? '';
        return lines
            .filter((l) => !l.startsWith('#') && /^\d/.test(l))
            .map((l) => l.split(' '))
            .map((row) => ({
            name: col(row, 'srv_name'),
            id: Number(col(row, 'srv_id')),
            opState: Number(col(row, 'srv_op_state')),
            adminState: Number(col(row, 'srv_admin_state')),
            weight: Number(col(row, 'srv_uweight')),
        }));
    }
    /** Entries of a stick table (the backend's own by default). */
    async stickTable(table = this.backend) {
        const answer = await this.command(`show table ${checkName('table', table)}`);
        if (/^(Unknown|No such)/im.test(answer))
            throw new Error(`runtime API: ${answer.trim()}`);
        const entries = [];
        for (const line of answer.split('\n')) {
            const key = /\bkey=(\S+)/.exec(line)?.[1];
            const id = /\bserver_id=(\d+)/.exec(line)?.[1];
            const exp = /\bexp=(\d+)/.exec(line)?.[1];
            if (key && id)
                entries.push({ key, serverId: Number(id), expiresInMs: Number(exp ?? 0) });
        }
        return entries;
    }
}
exports.RuntimeApi = RuntimeApi;
//# sourceMappingURL=runtime-api.js.map