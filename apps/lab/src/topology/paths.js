"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.repoRoot = repoRoot;
exports.cartApiEntry = cartApiEntry;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/** The repository root: the nearest ancestor whose package.json is this project's. */
function repoRoot(from = __dirname) {
    for (let dir = from;; dir = (0, node_path_1.dirname)(dir)) {
        const pkg = (0, node_path_1.join)(dir, 'package.json');
        if ((0, node_fs_1.existsSync)(pkg) && JSON.parse((0, node_fs_1.readFileSync)(pkg, 'utf8')).name === 'sticky-sessions-lab')
            return dir;
        if ((0, node_path_1.dirname)(dir) === dir)
            throw new Error(`cannot find the sticky-sessions-lab checkout above ${from}`);
    }
}
/** The built cart-api entry; a clear instruction when it is missing. */
function cartApiEntry() {
    const entry = (0, node_path_1.join)(repoRoot(), 'dist/apps/cart-api/main.js');
    if (!(0, node_fs_1.existsSync)(entry))
        throw new Error(`${entry} is missing: run \`npm run build\` first`);
    return entry;
}
//# sourceMappingURL=paths.js.map