"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isWrite = isWrite;
exports.outcomeOfStatus = outcomeOfStatus;
exports.outcomeOfError = outcomeOfError;
function isWrite(method) {
    return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
/**
 * 2xx → ok. 4xx and 503 (app: store unavailable; nginx: no live upstream) →
 * fail, nothing happened. Other 5xx (502/504 from nginx, 500) → unknown for a
 * write: the replica may have applied it before the answer was lost.
 * A read never changes state, so a failed read is always `fail`.
 */
function outcomeOfStatus(method, status) {
    if (status >= 200 && status < 300)
        return 'ok';
    if (status >= 500 && status !== 503 && isWrite(method))
        return 'unknown';
    return 'fail';
}
/** No connection → fail; connected then lost (timeout, reset) → unknown for a write. */
function outcomeOfError(method, sent) {
    return sent && isWrite(method) ? 'unknown' : 'fail';
}
//# sourceMappingURL=outcome.js.map