"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.redis = void 0;
const args_1 = require("../args");
const lab_1 = require("../lab");
const output_1 = require("../output");
const ACTIONS = ['pause', 'resume', 'restart'];
exports.redis = {
    name: 'redis',
    summary: 'pause, resume or restart the Redis of a --store redis lab',
    usage: 'redis pause|resume|restart [--json]      restart loses every session unless the lab is up with --redis-persistence aof',
    async run(argv, io) {
        const { values, positionals } = (0, args_1.parseCommand)(argv, {}, { min: 1, max: 1, what: 'the redis action: pause, resume or restart' });
        const action = (0, args_1.oneOf)(positionals[0], 'the redis action', ACTIONS, 'pause');
        const reply = await (0, lab_1.findLab)(io).control.post(`/api/redis/${action}`);
        if (values.json)
            (0, output_1.printJson)(io, reply);
        else
            io.out(reply.message);
        return 0;
    },
};
//# sourceMappingURL=redis.js.map