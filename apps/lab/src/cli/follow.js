"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newPart = newPart;
exports.follow = follow;
const control_client_1 = require("./control-client");
const lab_1 = require("./lab");
const POLL_MS = 500;
// What is remembered of each log between polls: its last characters, to find
// where the new text starts. The logs themselves are never accumulated.
const ANCHOR_CHARS = 400;
/** The part of `text` after what was printed last time (`anchor`); everything when the anchor is gone. */
function newPart(text, anchor) {
    if (!anchor)
        return text;
    const at = text.lastIndexOf(anchor);
    return at === -1 ? text : text.slice(at + anchor.length);
}
/**
 * `logs -f`: prints lines as they are added until Ctrl-C / SIGTERM or the
 * lab goes down. Memory stays bounded: one anchor per component.
 */
async function follow(lab, fetchLogs, wanted, io, seen) {
    const anchors = Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, v.slice(-ANCHOR_CHARS)]));
    let stop = null;
    let wake = () => undefined;
    const handler = (signal) => {
        stop = signal;
        wake();
    };
    process.once('SIGINT', handler).once('SIGTERM', handler);
    try {
        while (!stop) {
            // a ref'd timer: it is what keeps the process alive between polls
            await new Promise((resolve) => {
                wake = resolve;
                setTimeout(resolve, POLL_MS);
            });
            if (stop)
                break;
            if (!(0, lab_1.labAlive)(lab.state))
                return 'the lab went down';
            let logs;
            try {
                logs = await fetchLogs();
            }
            catch (err) {
                if (err instanceof control_client_1.ControlUnreachable)
                    return 'the lab went down';
                throw err;
            }
            for (const [name, text] of Object.entries(logs)) {
                if (wanted && name !== wanted)
                    continue;
                const fresh = newPart(text, anchors[name] ?? '');
                if (!fresh)
                    continue;
                anchors[name] = text.slice(-ANCHOR_CHARS);
                const lines = fresh.replace(/^\n/, '').replace(/\n$/, '');
                if (lines)
                    io.out(wanted ? lines : lines.split('\n').map((l) => `${name} | ${l}`).join('\n'));
            }
        }
        return `stopped (${stop})`;
    }
    finally {
        process.off('SIGINT', handler).off('SIGTERM', handler);
    }
}
//# sourceMappingURL=follow.js.map