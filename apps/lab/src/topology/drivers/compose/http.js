"use strict";
// The few HTTP checks the compose driver needs to know a change took effect.
// Loopback only: replicas and nginx are published on 127.0.0.1.
Object.defineProperty(exports, "__esModule", { value: true });
exports.fetchBounded = fetchBounded;
exports.get = get;
exports.getText = getText;
exports.readyInstance = readyInstance;
exports.replicaReady = replicaReady;
/**
 * fetch with a real per-attempt bound. AbortSignal.timeout's timer does not
 * keep the process alive: when Docker's proxy accepts a connection and closes
 * it before the container listens, fetch stays pending with no socket open,
 * the event loop drains, and the process exits 0 mid-wait. This timer is
 * referenced, so the attempt always ends, in an answer or an abort.
 */
async function fetchBounded(url, init, timeoutMs) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`no answer from ${url} within ${timeoutMs} ms`)), timeoutMs);
    try {
        const res = await fetch(url, { ...init, signal: abort.signal });
        // The body is part of the attempt: read it under the same bound.
        const body = await res.arrayBuffer();
        return new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, headers: res.headers });
    }
    finally {
        clearTimeout(timer);
    }
}
/** One GET with a fresh connection and no cookie; null when nothing answered. */
async function get(url, timeoutMs = 3_000) {
    try {
        const res = await fetchBounded(url, { headers: { connection: 'close' }, redirect: 'manual' }, timeoutMs);
        return { status: res.status, servedBy: res.headers.get('x-served-by') };
    }
    catch {
        return null;
    }
}
/** The body of a GET as text, or null when nothing answered in time. */
async function getText(url, timeoutMs = 2_000) {
    try {
        return await (await fetchBounded(url, { headers: { connection: 'close' } }, timeoutMs)).text();
    }
    catch {
        return null;
    }
}
/** The INSTANCE_ID a replica's readiness endpoint names when it answers 200; null otherwise. */
async function readyInstance(baseUrl, timeoutMs = 3_000) {
    try {
        const res = await fetchBounded(`${baseUrl}/health/ready`, { headers: { connection: 'close' } }, timeoutMs);
        if (res.status !== 200)
            return null;
        const body = (await res.json());
        return typeof body.instance === 'string' ? body.instance : null;
    }
    catch {
        return null;
    }
}
/** True when the replica's readiness endpoint answers 200. */
async function replicaReady(baseUrl) {
    const a = await get(`${baseUrl}/health/ready`);
    return a?.status === 200;
}
//# sourceMappingURL=http.js.map