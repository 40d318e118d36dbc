import { modularPageScript } from './page';

function double(n: number): number {
  return twice(n);
}
function twice(n: number): number {
  return n * 2;
}

describe('modularPageScript', () => {
  it('declares every module function in one scope and hands them to the page', () => {
    const lib = { double, twice };
    const script = modularPageScript((_dom, _colour, l: typeof lib) => void ((globalThis as { out?: number }).out = l.double(21)), lib);
    const scope: { out?: number } = {};
    new Function('globalThis', 'document', script)(scope, {});
    expect(scope.out).toBe(42);
  });

  it('refuses an export that is not a function declaration (its name would not exist in the page)', () => {
    const arrow = (n: number) => n;
    expect(() => modularPageScript(() => undefined, { arrow })).toThrow('page module export arrow is not a function declaration');
    expect(() => modularPageScript(() => undefined, { LIMIT: 20 })).toThrow('page module export LIMIT is not a function declaration');
  });
});
