import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest ancestor whose package.json is this project's. */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'sticky-sessions-lab') return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the sticky-sessions-lab checkout above ${from}`);
  }
}

/** The built cart-api entry; a clear instruction when it is missing. */
export function cartApiEntry(): string {
  const entry = join(repoRoot(), 'dist/apps/cart-api/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  return entry;
}
