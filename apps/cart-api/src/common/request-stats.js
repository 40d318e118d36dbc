"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestStats = void 0;
/** Cheap per-process counters read by GET /stats. */
class RequestStats {
    served = 0;
    startedAt = Date.now();
    /** Set once SIGTERM arrives: responses then ask clients to close the connection. */
    draining = false;
}
exports.RequestStats = RequestStats;
//# sourceMappingURL=request-stats.js.map