// The shop page's shared state and the operations its modules reach each other
// through. Types only: the page's modules are served as source text, so one
// module may not call another's function by import (see libs/page.ts).
import type { CartBody } from '../../../../../../libs/cart';
import type { Dom } from '../../../../../../libs/page';

export type Cart = CartBody;
export type Line = CartBody['items'][number];
/** What an operation does to the cart, as data (the alarm compares the answer with it). */
export type Expect =
  | { kind: 'same' }
  | { kind: 'add'; sku: string; qty: number }
  | { kind: 'set'; sku: string; qty: number }
  | { kind: 'remove'; sku: string }
  | { kind: 'empty' };

export interface CartOp {
  method: string;
  path: string;
  body?: unknown;
  change: Expect;
  /** Said when the operation succeeds and nothing was lost. */
  done?: string;
}

export interface Hop {
  replica: string;
  title: string;
  ok: boolean;
}

/** The part of a Socket.IO client socket the page uses. */
export interface LiveSocket {
  readonly active: boolean;
  on(event: string, cb: (arg: never) => void): void;
  connect(): void;
}
export type IoFactory = (opts: Record<string, unknown>) => LiveSocket;

export interface LiveState {
  started: boolean;
  socket: LiveSocket | null;
  /** The replica that said hello on the current (or last) socket. */
  holder: string | null;
}

export interface Shop {
  readonly dom: Dom;
  colourOf(name: string): string;
  /** The cart the page shows (an answer or a push). */
  cart: Cart | null;
  /** The last cart the shop acknowledged, kept across a reload (F5) of the tab. */
  remembered: Cart | null;
  hops: Hop[];
  /** Cart operations run one at a time, in click order. */
  queue: Promise<unknown>;
  live: LiveState;
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  cartOp(op: CartOp): Promise<unknown>;
  remember(cart: Cart): void;
  record(replica: string, title: string, ok: boolean): void;
  renderCart(): void;
  subscribe(): void;
  liveStatus(text: string): void;
  busy(on: boolean): void;
}
