"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.supervisorLog = exports.stateFile = void 0;
exports.stateDir = stateDir;
exports.readState = readState;
exports.writeState = writeState;
exports.claimState = claimState;
exports.removeState = removeState;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const output_1 = require("./output");
function stateDir(env, cwd) {
    const dir = env.LAB_STATE_DIR || (0, node_path_1.join)(cwd, '.lab');
    return (0, node_path_1.isAbsolute)(dir) ? dir : (0, node_path_1.resolve)(cwd, dir);
}
const stateFile = (dir) => (0, node_path_1.join)(dir, 'state.json');
exports.stateFile = stateFile;
const supervisorLog = (dir) => (0, node_path_1.join)(dir, 'supervisor.log');
exports.supervisorLog = supervisorLog;
function readState(dir) {
    let text;
    try {
        text = (0, node_fs_1.readFileSync)((0, exports.stateFile)(dir), 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return null;
        throw err;
    }
    try {
        return JSON.parse(text);
    }
    catch {
        throw new output_1.CliError(`${(0, exports.stateFile)(dir)} is not valid JSON; remove it if no lab is running`);
    }
}
/** Readers never see a half-written file: write aside, then rename over. */
function writeState(dir, state) {
    (0, node_fs_1.mkdirSync)(dir, { recursive: true });
    const tmp = `${(0, exports.stateFile)(dir)}.${process.pid}.tmp`;
    (0, node_fs_1.writeFileSync)(tmp, JSON.stringify(state, null, 2) + '\n');
    (0, node_fs_1.renameSync)(tmp, (0, exports.stateFile)(dir));
}
/**
 * Creates the state file only if none exists, so two `up`s racing in one
 * directory cannot both own it. False when another one is there.
 */
function claimState(dir, state) {
    (0, node_fs_1.mkdirSync)(dir, { recursive: true });
    try {
        (0, node_fs_1.writeFileSync)((0, exports.stateFile)(dir), JSON.stringify(state, null, 2) + '\n', { flag: 'wx' });
        return true;
    }
    catch (err) {
        if (err.code === 'EEXIST')
            return false;
        throw err;
    }
}
/** Removes the state file; with `ownerPid`, only if that process still owns it. */
function removeState(dir, ownerPid) {
    if (ownerPid !== undefined) {
        const current = safeRead(dir);
        if (current && current.pid !== ownerPid)
            return;
    }
    (0, node_fs_1.rmSync)((0, exports.stateFile)(dir), { force: true });
}
function safeRead(dir) {
    try {
        return readState(dir);
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=state.js.map