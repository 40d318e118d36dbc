"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.makeRunDir = makeRunDir;
exports.makeOwnedRunDir = makeOwnedRunDir;
exports.removeRunDir = removeRunDir;
exports.sweepStaleRunDirs = sweepStaleRunDirs;
// A private directory per topology for the nginx config, its logs and the
// replica logs; removed on teardown unless LAB_KEEP_RUN_DIR is set.
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const pid_alive_1 = require("./pid-alive");
const PREFIX = 'sticky-lab-';
/** Marks a run dir of the process driver and names the lab process that owns it. */
const OWNER = 'process-driver.owner';
async function makeRunDir(prefix = PREFIX) {
    return (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), prefix));
}
/** A run dir for the process driver, after sweeping those of dead labs. */
async function makeOwnedRunDir() {
    await sweepStaleRunDirs();
    const dir = await makeRunDir();
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, OWNER), `${process.pid}\n`);
    return dir;
}
/** Removes `dir` unless LAB_KEEP_RUN_DIR is set; returns whether it was kept. */
async function removeRunDir(dir) {
    if (process.env.LAB_KEEP_RUN_DIR)
        return true;
    await (0, promises_1.rm)(dir, { recursive: true, force: true });
    return false;
}
/**
 * Only a SIGKILLed lab cannot remove its own run dir: the next lab removes
 * process-driver run dirs whose owning process is gone (never a dir without
 * the owner file, e.g. the compose driver's, and nothing while
 * LAB_KEEP_RUN_DIR asks to keep them).
 */
async function sweepStaleRunDirs() {
    if (process.env.LAB_KEEP_RUN_DIR)
        return [];
    const names = (await (0, promises_1.readdir)((0, node_os_1.tmpdir)()).catch(() => [])).filter((n) => n.startsWith(PREFIX));
    const removed = [];
    for (const name of names) {
        const dir = (0, node_path_1.join)((0, node_os_1.tmpdir)(), name);
        const owner = Number((await (0, promises_1.readFile)((0, node_path_1.join)(dir, OWNER), 'utf8').catch(() => '')).trim());
        if (!Number.isInteger(owner) || owner <= 0 || (0, pid_alive_1.pidAlive)(owner))
            continue;
        await (0, promises_1.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
        removed.push(dir);
    }
    return removed;
}
//# sourceMappingURL=run-dir.js.map