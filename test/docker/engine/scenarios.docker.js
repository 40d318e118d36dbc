"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The failure-mode scenarios that apply under Compose, on the compose driver
// against a real engine, with the same expectations as on the process driver
// (the suites themselves are required below). From the host every request
// reaches nginx from one bridge address, so the address-hash strategies
// (ip-hash, consistent-hash) do not model users there: test/scenarios/suite.ts
// skips them under LAB_DRIVER=compose, saying so; sticky-cookie and
// round-robin + redis run.
const support_1 = require("./support");
const saved = process.env.LAB_DRIVER;
// Read when the suites register their tests (the skip decision) and when each scenario boots.
process.env.LAB_DRIVER = 'compose';
afterAll(() => {
    if (saved === undefined)
        delete process.env.LAB_DRIVER;
    else
        process.env.LAB_DRIVER = saved;
});
(0, support_1.describeDocker)('scenarios.docker')('scenarios on the compose driver', () => {
    beforeAll(() => {
        (0, support_1.sweepLeftovers)();
    });
    require('../../scenarios/replica-killed.test');
    require('../../scenarios/replica-stopped.test');
    require('../../scenarios/replica-returns.test');
    require('../../scenarios/scale-out.test');
    require('../../scenarios/redis-outage.test');
    require('../../scenarios/rolling-restart.test');
});
//# sourceMappingURL=scenarios.docker.js.map