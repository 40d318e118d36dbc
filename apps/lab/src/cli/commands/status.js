"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.status = void 0;
const args_1 = require("../args");
const lab_1 = require("../lab");
const output_1 = require("../output");
const replica_stats_1 = require("../../client/replica-stats");
const summary_1 = require("../summary");
exports.status = {
    name: 'status',
    summary: 'where the running lab is, what each replica is doing, sessions it holds',
    usage: 'status [--json]',
    async run(argv, io) {
        const { values } = (0, args_1.parseCommand)(argv, {}, { min: 0, max: 0 });
        const lab = await (0, lab_1.fetchStatus)((0, lab_1.findLab)(io));
        const current = { ...lab, replicas: await (0, replica_stats_1.withStats)(lab.replicas) };
        if (values.json)
            (0, output_1.printJson)(io, current);
        else
            io.out((0, summary_1.renderStatus)(io, current));
        return 0;
    },
};
//# sourceMappingURL=status.js.map