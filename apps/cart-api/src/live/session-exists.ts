import type { SessionBackend } from '../session/session-backend';
import { REDIS_COMMAND_TIMEOUT_MS, withTimeout } from '../session/with-timeout';

/**
 * True when the store holds session `sid`. With Redis the session store's own
 * `get` answers without asking Redis (ClaimedSessionStore), so the key is
 * checked directly; a store error rejects (the socket is refused, not let in).
 */
export async function sessionExists(backend: SessionBackend, sid: string): Promise<boolean> {
  if (backend.redis) return (await withTimeout(backend.redis.run((c) => c.exists(`sess:${sid}`)), REDIS_COMMAND_TIMEOUT_MS)) === 1;
  return new Promise((resolve, reject) =>
    backend.store.get(sid, (err, sess) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(!!sess))),
  );
}
