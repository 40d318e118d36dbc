"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPLICA_ACTIONS = exports.MAX_REPLICAS = exports.startControlServer = exports.ControlServer = void 0;
var server_1 = require("./server");
Object.defineProperty(exports, "ControlServer", { enumerable: true, get: function () { return server_1.ControlServer; } });
Object.defineProperty(exports, "startControlServer", { enumerable: true, get: function () { return server_1.startControlServer; } });
var api_1 = require("./api");
Object.defineProperty(exports, "MAX_REPLICAS", { enumerable: true, get: function () { return api_1.MAX_REPLICAS; } });
var transitions_1 = require("../topology/transitions");
Object.defineProperty(exports, "REPLICA_ACTIONS", { enumerable: true, get: function () { return transitions_1.REPLICA_ACTIONS; } });
//# sourceMappingURL=index.js.map