// `node child.js LINES ROUNDS`: writes cart-api's request log line through
// each writer in turns, to stdout (a pipe the bench drains, as the lab drains
// a replica's), and prints the CPU per line of each as one JSON line on stderr.
import pino from 'pino';
import { jsonLine } from '../../../../../libs/json-log';

/** pino set up to write the same fields (plus its level): the candidate. */
const logger = pino(
  { base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
  { write: (line: string) => void process.stdout.write(line) },
);
const WRITERS: Record<string, (fields: Record<string, unknown>) => void> = {
  pino: (fields) => logger.info(fields),
  // cart-api's writer (apps/cart-api/src/common/log.ts): the baseline.
  json: (fields) => void process.stdout.write(jsonLine(fields)),
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
