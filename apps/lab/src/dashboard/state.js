"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dashState = dashState;
const transitions_1 = require("../topology/transitions");
const explain_1 = require("./explain");
const replica_stats_1 = require("../client/replica-stats");
async function dashState(topology, clients) {
    const status = await topology.status();
    const replicas = await Promise.all(status.replicas.map(async (r) => ({ ...r, stats: await (0, replica_stats_1.fetchStats)(r), actions: (0, transitions_1.allowedActions)(r) })));
    return {
        driver: status.driver,
        strategy: status.strategy,
        store: status.store,
        url: status.url,
        shopUrl: `${status.url.replace(/\/+$/, '')}/ui/`,
        nginx: status.nginx,
        redis: status.redis ? { ...status.redis, actions: (0, transitions_1.allowedRedisActions)(status.redis.state) } : null,
        explanation: (0, explain_1.explain)(status.strategy, status.store),
        replicas,
        clients,
    };
}
//# sourceMappingURL=state.js.map