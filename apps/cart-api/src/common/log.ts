import { jsonLine } from '../../../../libs/json-log';

/**
 * The replica's log: one JSON object per line (libs/json-log), each with an
 * ISO timestamp so lines of several replicas and nginx can be merged by time.
 *
 * A log reader that goes away (a closed pipe: EPIPE) must not take the
 * service down with it: `guardLogStreams` keeps the stream errors from
 * becoming uncaught exceptions and stops writing to a stream that failed.
 */
const failed = new WeakSet<NodeJS.WriteStream>();
let guarded = false;

export function guardLogStreams(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => failed.add(stream));
}

export function writeLog(stream: NodeJS.WriteStream, fields: Record<string, unknown>): void {
  if (failed.has(stream) || stream.destroyed) return;
  stream.write(jsonLine(fields));
}

export function logInfo(fields: Record<string, unknown>): void {
  writeLog(process.stdout, fields);
}

export function logError(fields: Record<string, unknown>): void {
  writeLog(process.stderr, fields);
}
