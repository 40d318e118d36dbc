import { jsonLog } from '../../../../libs/json-log';

/**
 * The replica's log (pino): one JSON object per line on stdout, errors on
 * stderr (see libs/json-log for the fields).
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

function sink(stream: NodeJS.WriteStream) {
  return {
    write(line: string): void {
      if (!failed.has(stream) && !stream.destroyed) stream.write(line);
    },
  };
}

const out = jsonLog(sink(process.stdout));
const err = jsonLog(sink(process.stderr));

export function logInfo(fields: Record<string, unknown>): void {
  out.info(fields);
}

export function logError(fields: Record<string, unknown>): void {
  err.error(fields);
}
