// Bounded polling: the only way the lab waits for a topology change.

export class WaitTimeoutError extends Error {
  constructor(what: string, timeoutMs: number, lastError?: unknown) {
    const why = lastError instanceof Error ? `: last error: ${lastError.message}` : '';
    super(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
  }
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Calls `condition` until it returns a value other than false/undefined/null,
 * or throws WaitTimeoutError with `what` in the message once the bound passes.
 * A condition that throws counts as "not yet"; its last error is reported.
 */
export async function waitFor<T>(
  what: string,
  condition: () => Promise<T | false | undefined | null> | T | false | undefined | null,
  { timeoutMs = 10_000, intervalMs = 50 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value !== false && value !== undefined && value !== null) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) throw new WaitTimeoutError(what, timeoutMs, lastError);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
