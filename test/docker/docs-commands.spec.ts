// The docs promise that `npx jest test/docker …` needs no Docker: every such
// command they print must select drift checks only, never a real-engine suite.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support';

const DOCS = ['README.md', 'docs/docker.md'];
// A command that names an engine suite itself (test/docker/engine/…) is documented as needing the engine.
const commands = DOCS.flatMap((doc) => [...readFileSync(join(ROOT, doc), 'utf8').matchAll(/npx jest (test\/docker(?!\/engine\/)[^`\n#]*)/g)].map((m) => [doc, m[1].trim()] as const));

describe('documented "no Docker needed" jest commands', () => {
  it('the docs print at least one', () => expect(commands.length).toBeGreaterThan(0));

  it.each(commands)('%s: `npx jest %s` selects no real-engine suite', (_doc, args) => {
    const listed = execFileSync(process.execPath, [require.resolve('jest/bin/jest'), '--listTests', ...args.split(/\s+/)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')
      .map((f) => f.replace(ROOT + '/', ''));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((f) => /engine\/|\.docker\.ts$|compose-driver\.test\.ts$/.test(f))).toEqual([]);
  });
});
