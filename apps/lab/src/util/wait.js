"use strict";
// Bounded polling: the only way the lab waits for a topology change.
Object.defineProperty(exports, "__esModule", { value: true });
exports.WaitTimeoutError = void 0;
exports.waitFor = waitFor;
class WaitTimeoutError extends Error {
    constructor(what, timeoutMs, lastError) {
        const why = lastError instanceof Error ? `: last error: ${lastError.message}` : '';
        super(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
}
exports.WaitTimeoutError = WaitTimeoutError;
/**
 * Calls `condition` until it returns a value other than false/undefined/null,
 * or throws WaitTimeoutError with `what` in the message once the bound passes.
 * A condition that throws counts as "not yet"; its last error is reported.
 */
async function waitFor(what, condition, { timeoutMs = 10_000, intervalMs = 50 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let lastError;
    for (;;) {
        try {
            const value = await condition();
            if (value !== false && value !== undefined && value !== null)
                return value;
        }
        catch (err) {
            lastError = err;
        }
        if (Date.now() >= deadline)
            throw new WaitTimeoutError(what, timeoutMs, lastError);
        await new Promise((r) => setTimeout(r, intervalMs));
    }
}
//# sourceMappingURL=wait.js.map