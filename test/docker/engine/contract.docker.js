"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The Topology contract (test/contract/cases.ts) on the compose driver, with
// a real engine: the same cases the process driver passes, with `docker kill`
// as the fault from outside. Fails instead of skipping under test:docker.
const cases_1 = require("../../contract/cases");
const topology_contract_1 = require("../../support/topology-contract");
const support_1 = require("./support");
// A compose boot is a few `docker compose` calls per replica: generous, bounded.
jest.setTimeout(5 * 60_000);
const describeWithDocker = (0, support_1.describeDocker)('contract.docker');
describeWithDocker('Topology contract on the compose driver', () => {
    beforeAll(() => {
        (0, support_1.sweepLeftovers)();
    });
    (0, cases_1.contract)((0, topology_contract_1.contractDrivers)('compose')[0]);
});
//# sourceMappingURL=contract.docker.js.map