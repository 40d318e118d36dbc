// The JSON cart-api answers with: cart-api builds these, the shop page and
// the lab read them. Field names are the wire format (snake_case).

export interface Product {
  sku: string;
  name: string;
  unit_price_cents: number;
}

export interface CartItemBody {
  sku: string;
  name: string;
  qty: number;
  unit_price_cents: number;
  line_total_cents: number;
}

/** Body field (and X-Session-Status header value) telling a client its presented session no longer exists. */
export const SESSION_LOST = 'expired-or-lost';

export interface CartBody {
  served_by: string;
  items: CartItemBody[];
  item_count: number;
  total_cents: number;
  /** Present when the client's cookie named a session that no longer exists (expired, or its store was lost). */
  session?: typeof SESSION_LOST;
}

/** GET / */
export interface RootInfo {
  app_name: string;
  process_id: number;
  /** null when Express could not tell (no socket address). */
  client_ip: string | null;
  session_store: string;
  message: string;
}

/** GET /stats: what a replica says about itself. */
export interface StatsBody {
  app_name: string;
  session_store: string;
  /** Sessions held in process memory; null with the redis store. */
  sessions: number | null;
  requests_served: number;
  /** Socket.IO sockets joined on this replica (live cart updates). */
  live_sockets: number;
  /** The live socket caps (LIVE_MAX_SOCKETS, …_PER_SESSION, …_PER_ADDRESS); absent without live updates. */
  live_caps?: { max: number; perSession: number; perAddress: number };
  /** Live handshakes refused since start, by the cap that refused them. */
  live_refused?: { replica: number; session: number; address: number };
  rss_bytes: number;
  uptime_s: number;
}
