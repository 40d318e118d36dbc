// The failure-mode scenarios that apply under Compose, on the compose driver
// against a real engine, with the same expectations as on the process driver
// (the suites themselves are required below). The clients bind addresses of
// their own on a bridge the driver creates (client-net.ts), so the
// address-hash strategies (ip-hash, consistent-hash) and the NAT scenario
// run here too; test/scenarios/suite.ts skips them, saying why, only where
// the machine cannot add those addresses (not root).
import { describeDocker, sweepLeftovers } from './support';

const saved = process.env.LAB_DRIVER;
// Read when the suites register their tests (the skip decision) and when each scenario boots.
process.env.LAB_DRIVER = 'compose';
afterAll(() => {
  if (saved === undefined) delete process.env.LAB_DRIVER;
  else process.env.LAB_DRIVER = saved;
});

describeDocker('scenarios.docker')('scenarios on the compose driver', () => {
  beforeAll(() => {
    sweepLeftovers();
  });
  require('../../scenarios/replica-killed.test');
  require('../../scenarios/replica-stopped.test');
  require('../../scenarios/replica-returns.test');
  require('../../scenarios/scale-out.test');
  require('../../scenarios/redis-outage.test');
  require('../../scenarios/rolling-restart.test');
  require('../../scenarios/nat.test');
  // One cell per balancer: the attacker and the shoppers reach the balancer's
  // container from addresses of their own on the driver's client network.
  require('../../scenarios/hostile-neighbour.test');
  // Sentinel failover (docker-compose.redis-sentinel.yml): four runs of about a minute each here.
  require('../../scenarios/redis-failover.test');
});
