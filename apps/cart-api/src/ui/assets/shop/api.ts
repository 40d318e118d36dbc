// The page's requests to the shop (through the balancer): each answer is
// recorded with the replica that served it; a failure becomes a sentence.
// Served as source text (libs/page.ts): no imports of functions.
import type { Shop } from './types';

export function describeFailure(status: number, body: unknown, what: string): string {
  const raw = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
  const detail = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : '';
  if (status === 503) return `The cart store is unavailable (503)${detail ? ': ' + detail : ''}. Try again in a moment.`;
  if (status === 502 || status === 504) return `No replica answered the load balancer (${status}). Try again in a moment.`;
  return `${detail || 'The request failed'} (${what} answered ${status}).`;
}

export async function callApi<T>(shop: Shop, method: string, path: string, body?: unknown): Promise<T> {
  const what = `${method} ${path}`;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    shop.record('', `${what}: network error`, false);
    throw new Error(`Network error: ${what} did not reach the shop. Is the lab still running?`);
  }
  const servedBy = res.headers.get('X-Served-By') || '';
  shop.record(servedBy, `${what} → ${res.status}${servedBy ? ' from ' + servedBy : ''}`, res.ok);
  const text = await res.text().catch(() => '');
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null; // an HTML error page from the balancer: the status says enough
  }
  if (!res.ok) throw new Error(describeFailure(res.status, data, what));
  return data as T;
}

/** The cart remembered under `key`, or null (none, garbage, or storage disabled). */
export function recallCart(key: string): Shop['cart'] {
  try {
    const value = JSON.parse(sessionStorage.getItem(key) || 'null') as Shop['cart'];
    return value && typeof value.served_by === 'string' && Array.isArray(value.items) ? value : null;
  } catch {
    return null;
  }
}

export function storeCart(key: string, cart: NonNullable<Shop['cart']>): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(cart));
  } catch {
    // storage full or disabled: the alarm then only lasts until a reload
  }
}
