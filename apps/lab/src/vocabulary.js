"use strict";
// Words every part of the lab speaks (topology, drivers, balancers, CLI,
// dashboard, report). No imports: everything may depend on this module.
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDIS_PERSISTENCE = exports.DRIVERS = exports.BALANCER_OPS = exports.BALANCERS = exports.STORES = exports.STRATEGIES = void 0;
exports.STRATEGIES = ['round-robin', 'ip-hash', 'consistent-hash', 'sticky-cookie', 'url-hash'];
exports.STORES = ['memory', 'redis'];
/** The load balancer in front of the replicas (default nginx). */
exports.BALANCERS = ['nginx', 'haproxy'];
/** `restart`: the process ends and a new one starts (learned state is lost); `reload`: graceful, same process tree. */
exports.BALANCER_OPS = ['restart', 'reload'];
exports.DRIVERS = ['process', 'compose'];
/** `aof`: redis-server appends every write to a file, so a restart keeps the sessions. */
exports.REDIS_PERSISTENCE = ['none', 'aof'];
//# sourceMappingURL=vocabulary.js.map