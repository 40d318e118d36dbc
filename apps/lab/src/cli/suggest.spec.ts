import { nearest } from './suggest';

describe('nearest', () => {
  const options = ['--strategy', '--store', '--replicas', '--port', '--dashboard-port', '--detach', '--json'];
  it.each([
    ['--replica', '--replicas'],
    ['--stratgy', '--strategy'],
    ['--dashbord-port', '--dashboard-port'],
    ['--jsn', '--json'],
    ['--dash', '--dashboard-port'],
  ])('%s → %s', (typo, expected) => expect(nearest(typo, options)).toBe(expected));

  it('suggests nothing for something unrelated', () => {
    expect(nearest('--verbose', options)).toBeUndefined();
    expect(nearest('-x', options)).toBeUndefined();
  });
});
