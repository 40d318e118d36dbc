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
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SCENARIOS = void 0;
exports.scenario = scenario;
exports.bootCount = bootCount;
// The scenario registry: which parametrisations teach something. Both the
// jest suites (test/scenarios/) and `lab report` run from this list.
const catalog_1 = require("./catalog");
const balancerFailover = __importStar(require("./balancer-failover"));
const balancerRestart = __importStar(require("./balancer-restart"));
const concurrentWrites = __importStar(require("./concurrent-writes"));
const flood = __importStar(require("./flood"));
const hostileClient = __importStar(require("./hostile-client"));
const maintenance = __importStar(require("./maintenance"));
const nat = __importStar(require("./nat"));
const redisOutage = __importStar(require("./redis-outage"));
const replicaKilled = __importStar(require("./replica-killed"));
const replicaReturns = __importStar(require("./replica-returns"));
const replicaStopped = __importStar(require("./replica-stopped"));
const rollingRestart = __importStar(require("./rolling-restart"));
const scaleOut = __importStar(require("./scale-out"));
const steadyState = __importStar(require("./steady-state"));
const p = (strategy, store = 'memory', redisPersistence) => redisPersistence ? { strategy, store, redisPersistence } : { strategy, store };
/** The same parametrisation behind HAProxy. */
const h = (strategy, store = 'memory', redisPersistence) => ({ ...p(strategy, store, redisPersistence), balancer: 'haproxy' });
const AFFINITY = [p('ip-hash'), p('consistent-hash'), p('sticky-cookie')];
function define(mod, params) {
    const info = (0, catalog_1.scenarioInfo)(mod.ID);
    return { id: mod.ID, title: info.title, fault: info.fault, params, run: (x, o) => mod.run(x, o) };
}
// Every scenario runs at least once behind HAProxy, on the strategies where
// the balancers differ (not the cross product: each row is a boot).
exports.SCENARIOS = [
    // round-robin shows the flicker, url-hash that URL affinity is not user
    // affinity, round-robin + redis that a shared store needs no affinity.
    define(steadyState, [p('round-robin'), ...AFFINITY, p('url-hash'), p('round-robin', 'redis'), h('sticky-cookie')]),
    // HAProxy: a cookie naming the dead server is redispatched (`option redispatch`).
    define(replicaKilled, [...AFFINITY, p('round-robin', 'redis'), p('sticky-cookie', 'redis'), h('sticky-cookie')]),
    define(replicaStopped, [p('ip-hash'), p('sticky-cookie'), p('ip-hash', 'redis'), h('ip-hash')]),
    // HAProxy's cookie is re-sent only when it changes (`insert indirect`): does the re-pin hold?
    define(replicaReturns, [...AFFINITY, h('consistent-hash'), h('sticky-cookie')]),
    // HAProxy: map-based `balance source` (hash mod N) and a 16-point ring.
    define(scaleOut, [...AFFINITY, p('ip-hash', 'redis'), h('ip-hash'), h('consistent-hash')]),
    define(maintenance, [...AFFINITY, h('ip-hash')]),
    // HAProxy's `balance source` hashes the whole address: no /24 collapse.
    define(nat, [p('round-robin'), ...AFFINITY, h('ip-hash')]),
    // Strategy does not matter to a store outage; two show it. With AOF the
    // restart keeps every session: the row beside "restarted" without it.
    define(redisOutage, [p('round-robin', 'redis'), p('sticky-cookie', 'redis'), p('round-robin', 'redis', 'aof'), h('round-robin', 'redis')]),
    define(rollingRestart, [p('ip-hash'), p('sticky-cookie'), p('ip-hash', 'redis'), p('sticky-cookie', 'redis'), h('sticky-cookie')]),
    // Memory without affinity cannot keep a session at all, so only the
    // affinity strategies there; with Redis every strategy, round-robin being
    // the hardest case (the burst lands on three replicas at once).
    define(concurrentWrites, [...AFFINITY, p('round-robin', 'redis'), p('ip-hash', 'redis'), p('consistent-hash', 'redis'), p('sticky-cookie', 'redis'), p('url-hash', 'redis'), h('round-robin', 'redis')]),
    define(hostileClient, [p('sticky-cookie'), p('sticky-cookie', 'redis'), h('sticky-cookie')]),
    // The limit is the balancer's, per address, whatever the strategy or store.
    define(flood, [p('ip-hash')]),
    // Two balancers, one set of replicas: which strategies agree between instances?
    define(balancerFailover, [p('round-robin'), ...AFFINITY, h('round-robin'), h('ip-hash'), h('consistent-hash'), h('sticky-cookie')]),
    // Deterministic hashes and cookies need no memory in the balancer; ip-hash
    // behind nginx is consistent-hash's twin here, so one of them is enough.
    define(balancerRestart, [p('consistent-hash'), p('sticky-cookie'), h('ip-hash'), h('sticky-cookie')]),
];
function scenario(id) {
    const s = exports.SCENARIOS.find((x) => x.id === id);
    if (!s)
        throw new Error(`unknown scenario "${id}"; known: ${exports.SCENARIOS.map((x) => x.id).join(', ')}`);
    return s;
}
function bootCount(list = exports.SCENARIOS) {
    return list.reduce((n, s) => n + s.params.length, 0);
}
__exportStar(require("./types"), exports);
//# sourceMappingURL=index.js.map