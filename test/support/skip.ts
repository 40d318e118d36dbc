/**
 * Says why a test or suite is skipped. Straight to stderr: Jest drops what a
 * fully skipped file wrote through `console`, and a skip must never be silent.
 */
export function noteSkip(message: string): void {
  process.stderr.write(`SKIPPED ${message}\n`);
}
