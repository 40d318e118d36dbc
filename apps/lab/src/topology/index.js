"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.replicaOpRefusal = exports.replicaActionRefusal = exports.REPLICA_OPS = exports.REPLICA_ACTIONS = exports.isReplicaAction = exports.allowedActions = exports.TopologyError = exports.checkReplicaCount = exports.TopologyCore = exports.startComposeTopology = exports.composeUnavailableReason = exports.ComposeUnavailableError = exports.ComposeTopology = exports.startProcessTopology = exports.ProcessTopology = void 0;
exports.createTopology = createTopology;
// Entry point of the lab's topology drivers.
const compose_1 = require("./drivers/compose");
const process_1 = require("./drivers/process");
const errors_1 = require("./errors");
__exportStar(require("./topology"), exports);
var process_2 = require("./drivers/process");
Object.defineProperty(exports, "ProcessTopology", { enumerable: true, get: function () { return process_2.ProcessTopology; } });
Object.defineProperty(exports, "startProcessTopology", { enumerable: true, get: function () { return process_2.startProcessTopology; } });
var compose_2 = require("./drivers/compose");
Object.defineProperty(exports, "ComposeTopology", { enumerable: true, get: function () { return compose_2.ComposeTopology; } });
Object.defineProperty(exports, "ComposeUnavailableError", { enumerable: true, get: function () { return compose_2.ComposeUnavailableError; } });
Object.defineProperty(exports, "composeUnavailableReason", { enumerable: true, get: function () { return compose_2.composeUnavailableReason; } });
Object.defineProperty(exports, "startComposeTopology", { enumerable: true, get: function () { return compose_2.startComposeTopology; } });
var core_1 = require("./core");
Object.defineProperty(exports, "TopologyCore", { enumerable: true, get: function () { return core_1.TopologyCore; } });
Object.defineProperty(exports, "checkReplicaCount", { enumerable: true, get: function () { return core_1.checkReplicaCount; } });
var errors_2 = require("./errors");
Object.defineProperty(exports, "TopologyError", { enumerable: true, get: function () { return errors_2.TopologyError; } });
var transitions_1 = require("./transitions");
Object.defineProperty(exports, "allowedActions", { enumerable: true, get: function () { return transitions_1.allowedActions; } });
Object.defineProperty(exports, "isReplicaAction", { enumerable: true, get: function () { return transitions_1.isReplicaAction; } });
Object.defineProperty(exports, "REPLICA_ACTIONS", { enumerable: true, get: function () { return transitions_1.REPLICA_ACTIONS; } });
Object.defineProperty(exports, "REPLICA_OPS", { enumerable: true, get: function () { return transitions_1.REPLICA_OPS; } });
Object.defineProperty(exports, "replicaActionRefusal", { enumerable: true, get: function () { return transitions_1.replicaActionRefusal; } });
Object.defineProperty(exports, "replicaOpRefusal", { enumerable: true, get: function () { return transitions_1.replicaOpRefusal; } });
/** Boots a topology with the chosen driver and returns it started. */
async function createTopology(opts) {
    const driver = opts.driver ?? process.env.LAB_DRIVER ?? 'process';
    if (driver === 'process')
        return (0, process_1.startProcessTopology)(opts);
    if (driver === 'compose')
        return (0, compose_1.startComposeTopology)(opts);
    throw new errors_1.TopologyError('invalid-argument', `unknown LAB_DRIVER "${driver}": use process or compose`);
}
//# sourceMappingURL=index.js.map