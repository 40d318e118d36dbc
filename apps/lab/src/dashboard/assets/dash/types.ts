// The dashboard page's state as GET /dash/state sends it, and the operations
// its modules reach each other through. Types only: the page's modules are
// served as source text, so one may not call another's function by import
// (see libs/page.ts).
import type { Dom } from '../../../../../../libs/page';

export type Stats = { sessions: number | null; requests_served: number; rss_bytes: number; uptime_s: number };
/** How the balancer treats a replica, worded on the server as `lab status` words it (kind: topology/rotation's Rotation). */
export type Rotation = { kind: string; word: string; meaning: string; note: string | null };
export type Replica = { name: string; state: string; markedDown: boolean; draining?: boolean; health?: string; url: string; stats: Stats | null; actions: string[]; rotation: Rotation };
export type Tile = { name: string; address: string; replica: string | null; items: number; lost: boolean; lostCount: number; failed: number; lastError: string | null };
export type Clients = { running: boolean; note: string | null; sameNat: boolean; tiles: Tile[]; counters: { cartsLost: number; clientsMoved: number; failedRequests: number } };
export type Balancer = { engine: string; version: string; sticky?: string; state?: string; actions: string[] };
export type Redis = { url: string; state: string; persistence?: string; actions: string[]; ha_lines: string[]; sentinel: boolean };
export type State = {
  strategy: string;
  store: string;
  driver: string;
  shopUrl: string;
  explanation: string;
  balancer: Balancer;
  redis: Redis | null;
  replicas: Replica[];
  clients: Clients;
};

/** One button of a replica card: what it says and what it posts. */
export interface ReplicaButton {
  action: string;
  label: string;
  path: string;
  className: string;
  ariaLabel: string;
}

/** A replica card's text and switches, computed from the state alone. */
export interface CardView {
  state: string;
  stateClass: string;
  /** The balancer's badge: the word, its class, and its meaning as a tooltip. */
  rotation: { text: string; className: string; title: string };
  /** Shown under the title when the badge alone would look wrong (a killed replica nginx keeps in rotation). */
  note: string | null;
  /** Gets no new traffic: not running, or not in rotation. */
  out: boolean;
  busy: boolean;
  values: { sessions: string; requests: string; memory: string; uptime: string };
  /** Per action: the button is disabled. */
  disabled: Record<string, boolean>;
}

export interface TileView {
  what: string;
  history: string;
  className: string;
}

/** Cards and tiles are built once and updated in place: re-creating buttons every second would drop keyboard focus and swallow clicks. */
export interface Card {
  root: HTMLElement;
  state: HTMLElement;
  rotation: HTMLElement;
  note: HTMLElement;
  values: Record<string, HTMLElement>;
  buttons: Record<string, HTMLButtonElement>;
}

export interface Dash {
  readonly dom: Dom;
  colourOf(name: string): string;
  /** Keys (a replica's name, `scale`, `redis`, `balancer`, `clients`) with a change in flight. */
  busy: Set<string>;
  cards: Map<string, Card>;
  tiles: Map<string, HTMLElement>;
  state: State | null;
  /** The last poll reached the lab. */
  connected: boolean;
  /** The page starts the simulated clients once, with a POST: a GET never changes the lab. */
  startAsked: boolean;
  act(key: string, label: string, path: string, body?: unknown): Promise<void>;
  render(): void;
  refresh(): Promise<void>;
}
