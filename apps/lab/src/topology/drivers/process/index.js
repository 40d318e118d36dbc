"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startNginxFront = exports.redisCommand = exports.redisPing = exports.RedisServer = exports.handshakePort = exports.ReplicaProcess = exports.startProcessTopology = exports.ProcessTopology = void 0;
var process_topology_1 = require("./process-topology");
Object.defineProperty(exports, "ProcessTopology", { enumerable: true, get: function () { return process_topology_1.ProcessTopology; } });
Object.defineProperty(exports, "startProcessTopology", { enumerable: true, get: function () { return process_topology_1.startProcessTopology; } });
var replica_1 = require("./replica");
Object.defineProperty(exports, "ReplicaProcess", { enumerable: true, get: function () { return replica_1.ReplicaProcess; } });
Object.defineProperty(exports, "handshakePort", { enumerable: true, get: function () { return replica_1.handshakePort; } });
var redis_server_1 = require("./redis-server");
Object.defineProperty(exports, "RedisServer", { enumerable: true, get: function () { return redis_server_1.RedisServer; } });
Object.defineProperty(exports, "redisPing", { enumerable: true, get: function () { return redis_server_1.redisPing; } });
Object.defineProperty(exports, "redisCommand", { enumerable: true, get: function () { return redis_server_1.redisCommand; } });
var nginx_front_1 = require("./nginx-front");
Object.defineProperty(exports, "startNginxFront", { enumerable: true, get: function () { return nginx_front_1.startNginxFront; } });
//# sourceMappingURL=index.js.map