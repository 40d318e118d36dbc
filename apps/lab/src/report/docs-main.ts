// `npm run docs:report-sample`'s last step: after `lab report --out
// docs/report-sample`, rewrite the README's matrix table and the counts in
// the README and docs/scenarios.md from that sample.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../topology/paths';
import { syncReadme, syncScenariosDoc } from './docs-sync';
import { readSample } from './estimate';

function main(): number {
  const root = repoRoot();
  const sample = readSample();
  if (!sample) {
    process.stderr.write('docs/report-sample/matrix.json is missing: run `npm run lab -- report --out docs/report-sample` first\n');
    return 1;
  }
  const files: [string, (text: string) => string][] = [
    [join(root, 'README.md'), (t) => syncReadme(t, sample)],
    [join(root, 'docs', 'scenarios.md'), (t) => syncScenariosDoc(t, sample)],
  ];
  for (const [file, sync] of files) writeFileSync(file, sync(readFileSync(file, 'utf8')));
  process.stdout.write(`README.md and docs/scenarios.md rewritten from docs/report-sample/matrix.json (${sample.rows.length} rows)\n`);
  return 0;
}

process.exitCode = main();
