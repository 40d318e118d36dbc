"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseAccessLog = parseAccessLog;
exports.readAccessLog = readAccessLog;
const promises_1 = require("node:fs/promises");
const main_conf_1 = require("./main-conf");
function parseAccessLog(text) {
    const lines = text.split('\n').filter((line) => line.startsWith('{'));
    const entries = [];
    lines.forEach((line, i) => {
        try {
            entries.push(JSON.parse(line));
        }
        catch (err) {
            // A line still being written is skipped; a broken line elsewhere is a bug.
            if (i !== lines.length - 1 || text.endsWith('\n'))
                throw err;
        }
    });
    return entries;
}
/** Entries of runDir's access log so far (empty when nothing was logged yet). */
async function readAccessLog(runDir) {
    try {
        return parseAccessLog(await (0, promises_1.readFile)((0, main_conf_1.runPaths)(runDir).accessLog, 'utf8'));
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return [];
        throw err;
    }
}
//# sourceMappingURL=access-log.js.map