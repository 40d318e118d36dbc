"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeIfInstalled = describeIfInstalled;
const node_path_1 = require("node:path");
const find_binary_1 = require("../../../apps/lab/src/util/find-binary");
const skip_1 = require("../../support/skip");
/**
 * `describe` when the binaries a suite runs are installed, else
 * `describe.skip` after saying which are missing and how to get them.
 */
function describeIfInstalled(file, binaries = ['haproxy']) {
    const missing = binaries.filter((b) => !(0, find_binary_1.findBinary)(b));
    if (!missing.length)
        return describe;
    (0, skip_1.noteSkip)(`${(0, node_path_1.basename)(file)}: ${missing.join(' and ')} not installed (apt-get install -y ${missing.join(' ')}; CI installs them)`);
    return describe.skip;
}
//# sourceMappingURL=requires.js.map