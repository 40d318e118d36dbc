// `node child.js LINES ROUNDS`: writes cart-api's request log line through
// each writer in turns and prints the CPU per line of each as one JSON line
// on stderr. Both write to /dev/null with a synchronous write: a pipe that
// fills up would queue lines in memory and defer their cost past the count.
import { openSync, writeSync } from 'node:fs';
import pino from 'pino';
import { jsonLine } from '../../../../../libs/json-log';

const devNull = openSync('/dev/null', 'w');
const sink = (line: string) => writeSync(devNull, line);

/** pino set up to write the same fields (plus its level): the candidate. */
const logger = pino(
  { base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
  { write: (line: string) => void sink(line) },
);
const WRITERS: Record<string, (fields: Record<string, unknown>) => void> = {
  pino: (fields) => logger.info(fields),
  // cart-api's writer (apps/cart-api/src/common/log.ts): the baseline.
  json: (fields) => void sink(jsonLine(fields)),
};

function cpuUs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return d.user + d.system;
}

const [lines, rounds] = process.argv.slice(2).map(Number);
const spent: Record<string, number> = { pino: 0, json: 0 };
// The first round warms both writers up (the JIT) and is not counted.
for (let round = 0; round <= rounds; round++) {
  for (const [name, write] of Object.entries(WRITERS)) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < lines; i++) write({ replica: 'app1', method: 'GET', path: '/cart', status: 200, duration_ms: (i % 500) / 100 });
    if (round > 0) spent[name] += cpuUs(t0);
  }
}
const perLine = (name: string) => Math.round((spent[name] / (lines * rounds)) * 100) / 100;
process.stderr.write(JSON.stringify({ lines: lines * rounds, pino_us_per_line: perLine('pino'), json_us_per_line: perLine('json') }) + '\n');
