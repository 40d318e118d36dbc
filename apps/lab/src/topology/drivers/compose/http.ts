// The few HTTP checks the compose driver needs to know a change took effect.
// Loopback only: replicas and nginx are published on 127.0.0.1.

export interface Answer {
  status: number;
  servedBy: string | null;
}

/**
 * fetch with a real per-attempt bound. AbortSignal.timeout's timer does not
 * keep the process alive: when Docker's proxy accepts a connection and closes
 * it before the container listens, fetch stays pending with no socket open,
 * the event loop drains, and the process exits 0 mid-wait. This timer is
 * referenced, so the attempt always ends, in an answer or an abort.
 */
export async function fetchBounded(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`no answer from ${url} within ${timeoutMs} ms`)), timeoutMs);
  try {
    const res = await fetch(url, { ...init, signal: abort.signal });
    // The body is part of the attempt: read it under the same bound.
    const body = await res.arrayBuffer();
    return new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, headers: res.headers });
  } finally {
    clearTimeout(timer);
  }
}

/** One GET with a fresh connection and no cookie; null when nothing answered. */
export async function get(url: string, timeoutMs = 3_000): Promise<Answer | null> {
  try {
    const res = await fetchBounded(url, { headers: { connection: 'close' }, redirect: 'manual' }, timeoutMs);
    return { status: res.status, servedBy: res.headers.get('x-served-by') };
  } catch {
    return null;
  }
}

/** The body of a GET as text, or null when nothing answered in time. */
export async function getText(url: string, timeoutMs = 2_000): Promise<string | null> {
  try {
    return await (await fetchBounded(url, { headers: { connection: 'close' } }, timeoutMs)).text();
  } catch {
    return null;
  }
}

/** The INSTANCE_ID a replica's readiness endpoint names when it answers 200; null otherwise. */
export async function readyInstance(baseUrl: string, timeoutMs = 3_000): Promise<string | null> {
  try {
    const res = await fetchBounded(`${baseUrl}/health/ready`, { headers: { connection: 'close' } }, timeoutMs);
    if (res.status !== 200) return null;
    const body = (await res.json()) as { instance?: unknown };
    return typeof body.instance === 'string' ? body.instance : null;
  } catch {
    return null;
  }
}

/** True when the replica's readiness endpoint answers 200. */
export async function replicaReady(baseUrl: string): Promise<boolean> {
  const a = await get(`${baseUrl}/health/ready`);
  return a?.status === 200;
}
