import { replicaColour } from './replica-colour';

function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);
const names = Array.from({ length: 10 }, (_, i) => `app${i + 1}`);

describe('replicaColour', () => {
  it('gives app1..app10 ten different colours', () => {
    expect(new Set(names.map(replicaColour)).size).toBe(10);
  });

  it('is the same in every run: appN takes the Nth colour, other names a hash of their text', () => {
    expect(replicaColour('app2')).toBe('#2e7d32'); // palette[2 - 1]
    expect(replicaColour('app12')).toBe('#2e7d32'); // (12 - 1) % 10 = 1: the palette wraps
    // 'web': h = h * 31 + code, from 0: 119 → 119·31 + 101 = 3790 → 3790·31 + 98 = 117588; 117588 % 10 = 8
    expect(replicaColour('web')).toBe('#3949ab');
    expect(replicaColour('app0')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('keeps white text readable (WCAG AA, 4.5:1)', () => {
    for (const name of [...names, 'web', 'x']) expect(contrastWithWhite(replicaColour(name))).toBeGreaterThanOrEqual(4.5);
  });
});
