#!/usr/bin/env node
// `npm run lab -- <command>`: builds only when a source changed since the last
// build (a stat of each source against a stamp, no tsc spawn), says so on
// stderr, then runs the built CLI in this process.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/lab/main.js');
const STAMP = join(ROOT, 'dist/.lab-build-stamp');
const SOURCE_DIRS = ['apps/lab/src', 'apps/cart-api/src', 'libs'];
const SOURCE_FILES = ['package-lock.json', 'tsconfig.json', 'apps/lab/tsconfig.app.json', 'apps/cart-api/tsconfig.app.json'];

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestSource() {
  let newest = Math.max(...SOURCE_FILES.map((f) => mtime(join(ROOT, f))));
  for (const dir of SOURCE_DIRS) {
    let entries;
    try {
      entries = readdirSync(join(ROOT, dir), { recursive: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts')) newest = Math.max(newest, mtime(join(ROOT, dir, entry)));
    }
  }
  return newest;
}

function stale() {
  return !existsSync(MAIN) || !existsSync(join(ROOT, 'dist/apps/cart-api/main.js')) || newestSource() >= mtime(STAMP);
}

if (stale()) {
  process.stderr.write('building… (sources changed since the last build)\n');
  const startedAt = Date.now();
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('lab: the build failed (see above); nothing was started\n');
    process.exit(build.status ?? 1);
  }
  // stamped with the time the build started: a file saved during it is stale next time
  writeFileSync(STAMP, `${new Date(startedAt).toISOString()}\n`);
  const { utimesSync } = require('node:fs');
  utimesSync(STAMP, startedAt / 1000, startedAt / 1000);
  process.stderr.write(`built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
}
require(MAIN);
