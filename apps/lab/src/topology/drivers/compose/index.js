"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ComposeTopology = exports.requireCompose = exports.composeUnavailableReason = exports.ComposeUnavailableError = void 0;
exports.startComposeTopology = startComposeTopology;
// The compose driver: `LAB_DRIVER=compose` (see docs/docker.md and docs/lab-driver.md).
const cli_1 = require("./cli");
const compose_topology_1 = require("./compose-topology");
var cli_2 = require("./cli");
Object.defineProperty(exports, "ComposeUnavailableError", { enumerable: true, get: function () { return cli_2.ComposeUnavailableError; } });
Object.defineProperty(exports, "composeUnavailableReason", { enumerable: true, get: function () { return cli_2.composeUnavailableReason; } });
Object.defineProperty(exports, "requireCompose", { enumerable: true, get: function () { return cli_2.requireCompose; } });
var compose_topology_2 = require("./compose-topology");
Object.defineProperty(exports, "ComposeTopology", { enumerable: true, get: function () { return compose_topology_2.ComposeTopology; } });
/**
 * Builds the image once, starts redis (redis store), the replicas and nginx
 * under a unique project name, and resolves once nginx answers on its
 * loopback port. Throws ComposeUnavailableError when no Docker engine or
 * Compose CLI is present (checked before anything starts).
 */
async function startComposeTopology(opts) {
    return compose_topology_1.ComposeTopology.start(opts, (0, cli_1.requireCompose)());
}
//# sourceMappingURL=index.js.map