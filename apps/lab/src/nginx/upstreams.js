"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runUpstreamsScript = runUpstreamsScript;
const node_child_process_1 = require("node:child_process");
const paths_1 = require("./paths");
/** Prints the environment after sourcing, as JSON (values are multi-line). */
const SOURCE_AND_DUMP = 'set -eu; . "$1"; exec "$2" -e "process.stdout.write(JSON.stringify(process.env))"';
/**
 * Sources nginx/docker-entrypoint.d/19-lab-upstreams.envsh exactly as the nginx
 * image does (POSIX sh, `set -eu`) and returns the resulting environment: the
 * upstream generation has one implementation, in that script.
 *
 * Only PATH and `input` are passed in, so the user's own environment cannot
 * leak into the rendered config.
 */
function runUpstreamsScript(input) {
    const env = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        LAB_TEMPLATE_SRC: (0, paths_1.templatesDir)(),
        // Empty: the image-only staging step is skipped locally.
        LAB_STAGE_DIR: '',
        ...input,
    };
    const args = ['-c', SOURCE_AND_DUMP, 'sh', (0, paths_1.upstreamsScript)(), process.execPath];
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)('sh', args, { env, timeout: 15_000, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
            if (err)
                return reject(new Error(`${(0, paths_1.upstreamsScript)()} failed: ${stderr.trim() || err.message}`));
            try {
                resolve(JSON.parse(stdout));
            }
            catch {
                reject(new Error(`${(0, paths_1.upstreamsScript)()} printed no environment: ${stdout.slice(0, 200)} ${stderr}`));
            }
        });
    });
}
//# sourceMappingURL=upstreams.js.map