"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TopologyError = void 0;
/** A request the topology refuses before touching anything; the message is for the user as is. */
class TopologyError extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = 'TopologyError';
    }
}
exports.TopologyError = TopologyError;
//# sourceMappingURL=errors.js.map