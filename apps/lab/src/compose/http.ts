// The few HTTP checks the compose driver needs to know a change took effect.
// Loopback only: replicas and nginx are published on 127.0.0.1.

export interface Answer {
  status: number;
  servedBy: string | null;
}

/** One GET with a fresh connection and no cookie; null when nothing answered. */
export async function get(url: string, timeoutMs = 3_000): Promise<Answer | null> {
  try {
    const res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { connection: 'close' },
      redirect: 'manual',
    });
    await res.arrayBuffer();
    return { status: res.status, servedBy: res.headers.get('x-served-by') };
  } catch {
    return null;
  }
}

/** True when the replica's readiness endpoint answers 200. */
export async function replicaReady(baseUrl: string): Promise<boolean> {
  const a = await get(`${baseUrl}/health/ready`);
  return a?.status === 200;
}
