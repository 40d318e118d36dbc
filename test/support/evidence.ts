/** What a balancer test prints when it fails: the config, the error log and the access log's tail. */
export function balancerEvidence(b: { name: string; runDir: string; config: string; errorLog: string; accessLog: string }): string {
  return [
    `==== ${b.name} config (${b.runDir})`,
    b.config,
    `==== ${b.name} error log`,
    b.errorLog,
    `==== ${b.name} access log (last 40 lines)`,
    b.accessLog.split('\n').slice(-41).join('\n'),
  ].join('\n');
}

/** Runs `fn`; on failure rethrows with `evidence()` appended, so it is read only when a test fails. */
export async function withEvidence<T>(fn: () => Promise<T>, evidence: () => string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Error) err.message += `\n\n${evidence()}`;
    throw err;
  }
}
