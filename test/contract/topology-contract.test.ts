// The promises of the Topology interface, as one suite run on every driver
// named by LAB_DRIVER (default: process) and on each balancer engine. A
// driver or engine that cannot run here is skipped with the reason printed.
// The cases are in ./cases.ts.
import { BALANCERS } from '../../apps/lab/src/topology';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { describeSkipped } from '../support/topology';
import { contractDrivers } from '../support/topology-contract';
import { contract } from './cases';

jest.setTimeout(120_000);

function engineMissing(driver: string, balancer: string): string | null {
  if (driver === 'process' && balancer === 'haproxy' && !findBinary('haproxy')) return 'haproxy not installed (sudo apt-get install -y haproxy)';
  return null;
}

for (const c of contractDrivers()) {
  for (const balancer of BALANCERS) {
    const name = `Topology contract on the ${c.driver} driver with ${balancer}`;
    const why = c.unavailable('memory') ?? engineMissing(c.driver, balancer);
    if (why) describeSkipped(name, why);
    else describe(name, () => contract({ ...c, balancer }));
  }
}
