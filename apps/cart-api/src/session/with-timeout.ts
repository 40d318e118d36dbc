/** Bound on every Redis call made for a request, so a frozen Redis yields 503 in well under 1 s. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;

export class RedisTimeoutError extends Error {}

/**
 * node-redis' own command `timeout` only covers the wait before a command is
 * written; once written to a socket whose peer is frozen (SIGSTOP) it waits
 * forever. Racing the reply against a timer bounds the whole round trip.
 */
export function withTimeout<T>(promise: Promise<T>, ms = REDIS_COMMAND_TIMEOUT_MS, what = 'redis'): Promise<T> {
  // One promise and one timer per call (not a race plus a finally: two more promises on every cart request).
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new RedisTimeoutError(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
