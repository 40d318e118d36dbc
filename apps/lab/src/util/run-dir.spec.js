"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_child_process_1 = require("node:child_process");
const run_dir_1 = require("./run-dir");
it('sweeps run dirs of dead labs only, and removes its own on request', async () => {
    // A pid that certainly existed and is certainly gone now.
    const dead = (0, node_child_process_1.spawnSync)(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const stale = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'sticky-lab-'));
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(stale, 'process-driver.owner'), dead);
    const ownerless = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'sticky-lab-'));
    (0, node_fs_1.mkdirSync)((0, node_path_1.join)(ownerless, 'logs'));
    const swept = await (0, run_dir_1.sweepStaleRunDirs)();
    const mine = await (0, run_dir_1.makeOwnedRunDir)();
    try {
        expect(swept).toContain(stale);
        expect(await (0, run_dir_1.sweepStaleRunDirs)()).not.toContain(mine); // alive: this process
        expect([(0, node_fs_1.existsSync)(stale), (0, node_fs_1.existsSync)(ownerless), (0, node_fs_1.existsSync)(mine)]).toEqual([false, true, true]);
    }
    finally {
        await (0, run_dir_1.removeRunDir)(ownerless);
        await (0, run_dir_1.removeRunDir)(mine);
    }
    expect((0, node_fs_1.existsSync)(mine)).toBe(false);
});
//# sourceMappingURL=run-dir.spec.js.map