// A lab user: own cookie jar, own keep-alive agent, optional source address
// (so nginx sees it as a distinct $remote_addr), every call recorded.
import { Agent } from 'node:http';
import { clientRoute } from '../util/client-network';
import { CookieJar } from './cookie-jar';
import { exchange, ExchangeError, ExchangeResponse } from './exchange';
import { CartSeen, History, HistoryEntry, now, Outcome } from './history';
import { outcomeOfError, outcomeOfStatus } from './outcome';
import { Cart, Product, RootInfo } from './types';

export interface LabClientOptions {
  name: string;
  /** nginx entry URL (or a replica's, to bypass the balancer). */
  baseUrl: string;
  /** 127.0.X.Y the socket binds to; see userAddress()/natAddress(). */
  sourceAddress?: string;
  /** Shared history to append to; a private one when omitted. */
  history?: History;
  /** Bound on one request, connect to last byte (default 5 s). */
  timeoutMs?: number;
}

export interface Reply<T> {
  outcome: Outcome;
  ok: boolean;
  status?: number;
  servedBy?: string;
  body?: T;
  error?: string;
  entry: HistoryEntry;
}

const RETRYABLE_ON_REUSED_SOCKET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

export class LabClient {
  readonly name: string;
  readonly baseUrl: string;
  readonly sourceAddress?: string;
  readonly history: History;
  private readonly timeoutMs: number;
  private readonly jar = new CookieJar();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });

  constructor(opts: LabClientOptions) {
    this.name = opts.name;
    // A driver whose balancer cannot see 127.0.X.Y maps it to an address it can (util/client-network.ts).
    const route = clientRoute(opts.baseUrl, opts.sourceAddress);
    this.baseUrl = route.baseUrl.replace(/\/+$/, '');
    this.sourceAddress = route.sourceAddress;
    this.history = opts.history ?? new History();
    this.timeoutMs = opts.timeoutMs ?? 5_000;
  }

  root(): Promise<Reply<RootInfo>> {
    return this.call('root', 'GET', '/');
  }

  products(): Promise<Reply<Product[]>> {
    return this.call('products', 'GET', '/products');
  }

  getCart(): Promise<Reply<Cart>> {
    return this.call('getCart', 'GET', '/cart');
  }

  addItem(sku: string, qty = 1): Promise<Reply<Cart>> {
    return this.call('addItem', 'POST', '/cart/items', { sku, qty });
  }

  setQty(sku: string, qty: number): Promise<Reply<Cart>> {
    return this.call('setQty', 'PATCH', `/cart/items/${encodeURIComponent(sku)}`, { qty }, { sku, qty });
  }

  removeItem(sku: string): Promise<Reply<Cart>> {
    return this.call('removeItem', 'DELETE', `/cart/items/${encodeURIComponent(sku)}`, undefined, { sku });
  }

  clearCart(): Promise<Reply<Cart>> {
    return this.call('clearCart', 'DELETE', '/cart');
  }

  request<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    return this.call('request', method.toUpperCase(), path, body);
  }

  cookies(): Record<string, string> {
    return this.jar.all();
  }

  /** Forge or replace a cookie (e.g. a `route` value the balancer never issued). */
  setCookie(name: string, value: string): void {
    this.jar.set(name, value);
  }

  clearCookies(): void {
    for (const name of Object.keys(this.jar.all())) this.jar.delete(name);
  }

  /** Closes kept-alive sockets so the process can exit. */
  close(): void {
    this.agent.destroy();
  }

  private async call<T>(op: string, method: string, path: string, body?: unknown, recorded = body): Promise<Reply<T>> {
    const startedAt = now();
    const base = { client: this.name, op, method, path, body: recorded, startedAt };
    let retried = false;
    for (;;) {
      try {
        const res = await this.send(method, path, body);
        return this.finish<T>(base, res, retried);
      } catch (err) {
        const e = err as ExchangeError;
        // The server closed an idle keep-alive socket (nginx reload, idle
        // timeout) as we wrote on it: nothing was processed, so browsers and
        // Node's own docs retry exactly once on a fresh connection.
        if (!retried && e.reused && !e.gotResponse && RETRYABLE_ON_REUSED_SOCKET.has(e.code)) {
          retried = true;
          continue;
        }
        return this.failed<T>(base, e, retried);
      }
    }
  }

  private send(method: string, path: string, body?: unknown): Promise<ExchangeResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const cookie = this.jar.header();
    if (cookie) headers.cookie = cookie;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    return exchange({
      url: new URL(this.baseUrl + path),
      method,
      headers,
      body: payload,
      agent: this.agent,
      localAddress: this.sourceAddress,
      timeoutMs: this.timeoutMs,
    });
  }

  private finish<T>(base: EntryBase, res: ExchangeResponse, retried: boolean): Reply<T> {
    this.jar.absorb(res.headers['set-cookie']);
    const parsed = parseJson(res.body);
    const servedBy = headerValue(res.headers['x-served-by']) ?? servedByOf(parsed);
    const outcome = outcomeOfStatus(base.method, res.status);
    const entry: HistoryEntry = {
      ...base,
      status: res.status,
      servedBy,
      cart: cartOf(parsed),
      ...sessionStatusOf(res.headers['x-session-status']),
      outcome,
      error: outcome === 'ok' ? undefined : errorText(res.status, parsed, res.body),
      retried: retried || undefined,
      endedAt: now(),
    };
    this.history.record(entry);
    return { outcome, ok: outcome === 'ok', status: res.status, servedBy, body: parsed as T, error: entry.error, entry };
  }

  private failed<T>(base: EntryBase, err: ExchangeError, retried: boolean): Reply<T> {
    // Anything but an ExchangeError was thrown before a request existed (a bad URL, say).
    const sent = err instanceof ExchangeError ? err.sent : false;
    const outcome = outcomeOfError(base.method, sent);
    const entry: HistoryEntry = { ...base, outcome, error: err.message, retried: retried || undefined, endedAt: now() };
    this.history.record(entry);
    return { outcome, ok: false, error: err.message, entry };
  }
}

type EntryBase = Pick<HistoryEntry, 'client' | 'op' | 'method' | 'path' | 'body' | 'startedAt'>;

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function sessionStatusOf(v: string | string[] | undefined): { sessionStatus?: string } {
  const value = headerValue(v);
  return value ? { sessionStatus: value } : {};
}

function servedByOf(body: unknown): string | undefined {
  const b = body as { served_by?: unknown; app_name?: unknown } | undefined;
  const v = b?.served_by ?? b?.app_name;
  return typeof v === 'string' ? v : undefined;
}

function cartOf(body: unknown): CartSeen | undefined {
  const b = body as Partial<CartSeen> | undefined;
  if (!b || !Array.isArray(b.items) || typeof b.item_count !== 'number') return undefined;
  return { items: b.items, item_count: b.item_count };
}

function errorText(status: number, parsed: unknown, raw: string): string {
  const msg = (parsed as { message?: unknown } | undefined)?.message;
  const detail = typeof msg === 'string' ? msg : Array.isArray(msg) ? msg.join('; ') : raw.slice(0, 120).trim();
  return `HTTP ${status}${detail ? `: ${detail}` : ''}`;
}
