"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDIS_ACTIONS = exports.REPLICA_ACTIONS = exports.REPLICA_OPS = void 0;
exports.replicaOpRefusal = replicaOpRefusal;
exports.isReplicaAction = isReplicaAction;
exports.replicaActionRefusal = replicaActionRefusal;
exports.allowedActions = allowedActions;
exports.redisActionRefusal = redisActionRefusal;
exports.allowedRedisActions = allowedRedisActions;
exports.REPLICA_OPS = ['stop', 'kill', 'pause', 'resume', 'start'];
const FROM = {
    stop: ['running', 'paused', 'starting'],
    kill: ['running', 'paused', 'starting'],
    pause: ['running'],
    resume: ['paused'],
    start: ['stopped', 'killed'],
};
const TARGET = {
    stop: 'stopped',
    kill: 'killed',
    pause: 'paused',
    resume: 'running',
    start: 'running',
};
const HINT = {
    starting: 'wait until it is running',
    running: 'it is up',
    stopped: 'start it first',
    killed: 'start it first',
    paused: 'resume it first',
};
/** Why `op` cannot be applied to replica `name` in `state`, or null when it can. */
function replicaOpRefusal(op, name, state) {
    if (FROM[op].includes(state))
        return null;
    if (TARGET[op] === state)
        return `${name} is already ${state}`;
    return `cannot ${op} ${name}: it is ${state} (${HINT[state]})`;
}
/** What a user may ask of a replica: the driver's operations plus nginx's `down` flag. */
exports.REPLICA_ACTIONS = [...exports.REPLICA_OPS, 'drain', 'undrain'];
function isReplicaAction(value) {
    return exports.REPLICA_ACTIONS.includes(value);
}
/** Why `action` cannot be applied to `replica` now, or null when it can. */
function replicaActionRefusal(action, replica) {
    const { name, drained } = replica;
    if (action === 'drain')
        return drained ? `${name} is already drained (down in nginx)` : null;
    if (action === 'undrain')
        return drained ? null : `${name} is not drained; nothing to undrain`;
    return replicaOpRefusal(action, name, replica.state);
}
/** The actions `replica` accepts now: the dashboard enables exactly these buttons. */
function allowedActions(replica) {
    return exports.REPLICA_ACTIONS.filter((action) => replicaActionRefusal(action, replica) === null);
}
exports.REDIS_ACTIONS = ['pause', 'resume', 'restart'];
const REDIS_FROM = {
    pause: ['running'],
    resume: ['paused'],
    restart: ['running', 'paused', 'stopped'],
};
/** Why `action` cannot be applied to Redis in `state`, or null when it can. */
function redisActionRefusal(action, state) {
    return REDIS_FROM[action].includes(state) ? null : `cannot ${action} redis: it is ${state}`;
}
function allowedRedisActions(state) {
    return exports.REDIS_ACTIONS.filter((action) => redisActionRefusal(action, state) === null);
}
//# sourceMappingURL=transitions.js.map