import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PICTURES } from './docs-images';

const REPO = join(__dirname, '../../../..');
const taken = Object.values(PICTURES).flat();

describe('npm run docs:images', () => {
  it('retakes every picture docs/img/ holds, and nothing else', () => {
    expect([...taken].sort()).toEqual(readdirSync(join(REPO, 'docs/img')).sort());
  });

  it('takes every picture the README and docs/ show', () => {
    const docs = ['README.md', ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const shown = docs.flatMap((d) => [...readFileSync(join(REPO, d), 'utf8').matchAll(/\]\((?:docs\/)?img\/([^)]+)\)/g)].map((m) => m[1]));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((f) => !taken.includes(f as (typeof taken)[number]))).toEqual([]);
  });

  it('is named in the README and wired in package.json', () => {
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toMatch(/`npm run docs:images` retakes every\s+picture in `docs\/img\/`/);
    expect(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts['docs:images']).toBe('npm run -s build && node dist/apps/lab/cli/docs-images.js');
  });
});
