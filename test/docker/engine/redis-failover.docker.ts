// The Sentinel failover scenarios on the compose driver against a real
// engine (docker-compose.redis-sentinel.yml), with the same expectations as
// on the process driver. Its own file: six runs of ≈ 2.5 min each.
import { describeDocker, sweepLeftovers } from './support';

const saved = process.env.LAB_DRIVER;
process.env.LAB_DRIVER = 'compose';
afterAll(() => {
  if (saved === undefined) delete process.env.LAB_DRIVER;
  else process.env.LAB_DRIVER = saved;
});

describeDocker('redis-failover.docker')('Sentinel failover scenarios on the compose driver', () => {
  beforeAll(() => {
    sweepLeftovers();
  });
  require('../../scenarios/redis-failover.test');
});
