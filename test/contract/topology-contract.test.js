"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The promises of the Topology interface, as one suite run on every driver
// named by LAB_DRIVER (default: process). A driver that cannot run here is
// skipped with the reason printed. The cases are in ./cases.ts.
const topology_1 = require("../support/topology");
const topology_contract_1 = require("../support/topology-contract");
const cases_1 = require("./cases");
jest.setTimeout(120_000);
for (const c of (0, topology_contract_1.contractDrivers)()) {
    const why = c.unavailable('memory');
    if (why)
        (0, topology_1.describeSkipped)(`Topology contract on the ${c.driver} driver`, why);
    else
        describe(`Topology contract on the ${c.driver} driver`, () => (0, cases_1.contract)(c));
}
//# sourceMappingURL=topology-contract.test.js.map