import { basename } from 'node:path';
import { findBinary } from '../../../apps/lab/src/util/find-binary';
import { noteSkip } from '../../support/skip';

/**
 * `describe` when the binaries a suite runs are installed, else
 * `describe.skip` after saying which are missing and how to get them.
 */
export function describeIfInstalled(file: string, binaries: string[] = ['haproxy']): jest.Describe {
  const missing = binaries.filter((b) => !findBinary(b));
  if (!missing.length) return describe;
  noteSkip(`${basename(file)}: ${missing.join(' and ')} not installed (apt-get install -y ${missing.join(' ')}; CI installs them)`);
  return describe.skip;
}
