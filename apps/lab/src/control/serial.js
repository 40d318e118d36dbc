"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Serial = void 0;
/**
 * Runs topology changes one after another: two terminals (or the dashboard
 * and a terminal) acting at once must not interleave a reload with a restart.
 */
class Serial {
    tail = Promise.resolve();
    run(task) {
        const result = this.tail.then(task, task);
        this.tail = result.catch(() => undefined);
        return result;
    }
}
exports.Serial = Serial;
//# sourceMappingURL=serial.js.map