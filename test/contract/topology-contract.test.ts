// The promises of the Topology interface, as one suite run on every driver
// named by LAB_DRIVER (default: process). A driver that cannot run here is
// skipped with the reason printed. The cases are in ./cases.ts.
import { describeSkipped } from '../support/topology';
import { contractDrivers } from '../support/topology-contract';
import { contract } from './cases';

jest.setTimeout(120_000);

for (const c of contractDrivers()) {
  const why = c.unavailable('memory');
  if (why) describeSkipped(`Topology contract on the ${c.driver} driver`, why);
  else describe(`Topology contract on the ${c.driver} driver`, () => contract(c));
}
