"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ControlClient = exports.ControlRefused = exports.ControlUnreachable = void 0;
const output_1 = require("./output");
/** The control server did not answer at all (refused, reset, timed out). */
class ControlUnreachable extends output_1.CliError {
}
exports.ControlUnreachable = ControlUnreachable;
/** The control server answered with an error status. */
class ControlRefused extends output_1.CliError {
    status;
    body;
    constructor(message, status, body) {
        super(message);
        this.status = status;
        this.body = body;
    }
}
exports.ControlRefused = ControlRefused;
// Starting a replica waits for its readiness and scaling reloads nginx: on a
// loaded machine that takes a while, but never forever.
const DEFAULT_TIMEOUT_MS = 180_000;
class ControlClient {
    baseUrl;
    timeoutMs;
    constructor(baseUrl, timeoutMs = DEFAULT_TIMEOUT_MS) {
        this.baseUrl = baseUrl;
        this.timeoutMs = timeoutMs;
    }
    get(path, timeoutMs) {
        return this.call('GET', path, undefined, timeoutMs);
    }
    post(path, body, timeoutMs) {
        return this.call('POST', path, body, timeoutMs);
    }
    async call(method, path, body, timeoutMs = this.timeoutMs) {
        let res;
        try {
            res = await fetch(this.baseUrl + path, {
                method,
                headers: body === undefined ? {} : { 'content-type': 'application/json' },
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: AbortSignal.timeout(timeoutMs),
            });
        }
        catch (err) {
            const cause = err.cause?.code ?? err.name;
            throw new ControlUnreachable(`the lab's control server at ${this.baseUrl} does not answer (${cause})`);
        }
        const parsed = (await res.json().catch(() => ({})));
        if (!res.ok) {
            const message = typeof parsed.error === 'string' ? parsed.error : `${method} ${path} answered ${res.status}`;
            throw new ControlRefused(message, res.status, parsed);
        }
        return parsed;
    }
}
exports.ControlClient = ControlClient;
//# sourceMappingURL=control-client.js.map