"use strict";
// A Jepsen-style record of everything that happened in a run: the clients'
// requests and the faults the nemesis injected, in one history.
// `ok` = acknowledged (2xx) / done; `fail` = certainly had no effect;
// `unknown` = may or may not have happened (the checkers must allow both).
Object.defineProperty(exports, "__esModule", { value: true });
exports.History = exports.FAULT_KINDS = void 0;
exports.isFault = isFault;
exports.now = now;
exports.entriesOf = entriesOf;
exports.faultsOf = faultsOf;
exports.within = within;
exports.after = after;
exports.FAULT_KINDS = [
    'kill',
    'stop',
    'pause',
    'resume',
    'start',
    'add-replica',
    'remove-replica',
    'scale',
    'drain',
    'undrain',
    'redis-pause',
    'redis-resume',
    'redis-restart',
    'balancer-restart',
    'balancer-reload',
    'balancer-kill',
];
function isFault(op) {
    return op.type === 'fault';
}
/**
 * Wall-clock milliseconds with sub-millisecond resolution from the monotonic
 * clock, so a request sent right after a fault ends orders after it even
 * within the same millisecond.
 */
function now() {
    return Math.round((performance.timeOrigin + performance.now()) * 1000) / 1000;
}
class History {
    /** Every operation, in the order it completed. */
    ops = [];
    /** The clients' requests only (most checkers read these). */
    entries = [];
    record(op) {
        this.ops.push(op);
        if (!isFault(op))
            this.entries.push(op);
    }
    forClient(client) {
        return this.entries.filter((e) => e.client === client);
    }
    clients() {
        return [...new Set(this.entries.map((e) => e.client))];
    }
    count(outcome) {
        return this.entries.filter((e) => e.outcome === outcome).length;
    }
    faults() {
        return faultsOf(this);
    }
    toJSON() {
        return this.ops;
    }
}
exports.History = History;
/** The requests of a history (fault operations left out). */
function entriesOf(h) {
    return h instanceof History ? h.entries : h.filter((op) => !isFault(op));
}
function faultsOf(h) {
    return (h instanceof History ? h.ops : h).filter(isFault);
}
/** Requests sent inside a window, faults that started inside it, in completion order. */
function within(h, w) {
    const inside = (t) => (w.from === undefined || t >= w.from) && (w.to === undefined || t < w.to);
    return (h instanceof History ? h.ops : h).filter((op) => inside(op.startedAt));
}
/** Everything that started after `fault` ended: its aftermath, fault included for the checkers' sake. */
function after(h, fault) {
    if (!fault)
        throw new Error('after(): no such fault in the history');
    return [fault, ...within(h, { from: fault.endedAt }).filter((op) => op !== fault)];
}
//# sourceMappingURL=history.js.map