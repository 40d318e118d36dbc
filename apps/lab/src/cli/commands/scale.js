"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scale = void 0;
const control_1 = require("../../control");
const args_1 = require("../args");
const lab_1 = require("../lab");
const output_1 = require("../output");
const summary_1 = require("../summary");
exports.scale = {
    name: 'scale',
    summary: 'add or remove replicas until there are N (nginx reloads)',
    usage: `scale <N> [--json]      N from 1 to ${control_1.MAX_REPLICAS}; removing a replica removes its server line (hash slots move)`,
    async run(argv, io) {
        const { values, positionals } = (0, args_1.parseCommand)(argv, {}, { min: 1, max: 1, what: 'the number of replicas' });
        const replicas = (0, args_1.intValue)(positionals[0], 'N', 1, control_1.MAX_REPLICAS, 0);
        const reply = await (0, lab_1.findLab)(io).control.post('/api/scale', { replicas });
        if (values.json)
            (0, output_1.printJson)(io, reply);
        else
            io.out(`${reply.message}\n\n${(0, summary_1.replicaTable)(io, reply.status.replicas)}`);
        return 0;
    },
};
//# sourceMappingURL=scale.js.map