import pino from 'pino';

/** Where a log writes its lines; cart-api passes a writer that stops on a failed stream. */
export interface LineSink {
  write(line: string): void;
}

/**
 * The JSON line log of cart-api (and of the bench that prices it): one object
 * per line, `level` as a word and `time` in ISO 8601 first, so lines of
 * several replicas, nginx and HAProxy merge by time; no pid or hostname (the
 * `replica` field names the writer). Writes are synchronous, as the lab reads
 * the log of a replica it has just killed.
 */
export function jsonLog(sink: LineSink): pino.Logger {
  return pino(
    {
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    sink,
  );
}
