import { newPart } from './follow';

describe('newPart', () => {
  it('is what follows the last printed text', () => {
    expect(newPart('a\nb\nc\n', 'b\n')).toBe('c\n');
    expect(newPart('a\nb\n', 'a\nb\n')).toBe('');
  });
  it('is everything on the first read, or when the anchor scrolled out of a bounded log', () => {
    expect(newPart('a\n', '')).toBe('a\n');
    expect(newPart('x\ny\n', 'b\n')).toBe('x\ny\n');
  });
});
