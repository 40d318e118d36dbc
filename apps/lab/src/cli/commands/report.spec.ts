import { defaultOut } from './report';

describe('report output directory', () => {
  it('writes the full run to reports/', () => {
    expect(defaultOut()).toBe('reports');
    expect(defaultOut([])).toBe('reports');
  });

  it('writes a subset beside it, never over it, named after what ran', () => {
    expect(defaultOut(['nat'])).toBe('reports/subset-nat');
    expect(defaultOut(['scale-out', 'nat'])).toBe('reports/subset-nat-scale-out');
  });
});
