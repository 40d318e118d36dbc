/**
 * One line of cart-api's log: a JSON object with an ISO-8601 `time` first, so
 * lines of several replicas, nginx and HAProxy merge by time. Hand-written
 * rather than pino: the bench's log-writer case measures both per line, and
 * pino cost 10-30 % more CPU per request log line (docs/bench.md).
 */
export function jsonLine(fields: Record<string, unknown>): string {
  return JSON.stringify({ time: new Date().toISOString(), ...fields }) + '\n';
}
