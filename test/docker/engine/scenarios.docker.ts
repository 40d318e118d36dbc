// The failure-mode scenarios that apply under Compose, on the compose driver
// against a real engine, with the same expectations as on the process driver
// (the suites themselves are required below). The clients bind addresses of
// their own on a bridge the driver creates (client-net.ts), so the
// address-hash strategies (ip-hash, consistent-hash) and the NAT scenario
// run here too; test/scenarios/suite.ts skips them, saying why, only where
// the machine cannot add those addresses (not root).
//
// Every cell's expectations are the balancer's and the store's, proved cell
// by cell on the process driver (test/scenarios/). What Compose adds is the
// driver's own mechanics: container faults, client addresses on its bridge,
// Redis and Sentinel in containers. The cells kept below prove those (with
// the contract, contract.docker.ts); the other cells skip, saying so.
import { onlyCells } from '../../scenarios/suite';
import { describeDocker, sweepLeftovers } from './support';

const COMPOSE_CELLS: Record<string, string[]> = {
  // a container killed, behind each balancer (HAProxy redispatches)
  'replica-killed': ['ip-hash/memory', 'haproxy/sticky-cookie/memory'],
  // a container stopped gracefully
  'replica-stopped': ['sticky-cookie/memory'],
  // a killed container started again, back in its hash slot
  'replica-returns': ['ip-hash/memory'],
  // a container added: the ring replayed from Compose's rendered addresses; the shared store
  'scale-out': ['consistent-hash/memory', 'ip-hash/redis'],
  // the Redis container paused and killed; its append-only file on a volume
  'redis-outage': ['round-robin/redis', 'round-robin/redis/aof'],
  // containers restarted in turn
  'rolling-restart': ['sticky-cookie/redis'],
  // client addresses on the driver's bridge, behind each balancer
  nat: ['ip-hash/memory', 'haproxy/ip-hash/memory'],
  // the Sentinel group in containers, with and without WAIT / min-replicas-to-write
  'redis-primary-killed': ['round-robin/redis/sentinel-wait0-min0'],
  'redis-primary-paused': ['haproxy/round-robin/redis/sentinel-wait1-min1'],
};

const saved = process.env.LAB_DRIVER;
// Read when the suites register their tests (the skip decision) and when each scenario boots.
process.env.LAB_DRIVER = 'compose';
onlyCells(COMPOSE_CELLS, 'proved on the process driver (test/scenarios/); the cells kept under Compose prove its container mechanics');
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
