// The Topology contract (test/contract/cases.ts) on the compose driver, with
// a real engine: the same cases the process driver passes, with `docker kill`
// as the fault from outside. Fails instead of skipping under test:docker.
import { contract } from '../../contract/cases';
import { contractDrivers } from '../../support/topology-contract';
import { describeDocker, sweepLeftovers } from './support';

// A compose boot is a few `docker compose` calls per replica: generous, bounded.
jest.setTimeout(5 * 60_000);

const describeWithDocker = describeDocker('contract.docker');

describeWithDocker('Topology contract on the compose driver', () => {
  beforeAll(() => {
    sweepLeftovers();
  });
  contract(contractDrivers('compose')[0]);
});
