// What the bench process and a generator process say to each other over IPC.

/** One request of the sequence each user repeats. */
export interface LoadStep {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

/** A simulated user: its own source address (a real TCP peer to nginx) and its own cookies. */
export interface BenchUser {
  address: string;
  /** `Cookie` header value; empty for an anonymous user. */
  cookie: string;
}

export interface SliceJob {
  id: number;
  url: string;
  steps: LoadStep[];
  users: BenchUser[];
  durationS: number;
  /** Read `GET /cart` bodies and count, per user, the answers that still held the cart. */
  inspectCart: boolean;
}

export interface UserTally {
  reads: number;
  kept: number;
}

export interface SliceResult {
  id: number;
  completed: number;
  /** By kind: an HTTP status, `connection` or `timeout`. */
  errors: Record<string, number>;
  latenciesMs: Float64Array;
  wallS: number;
  /** CPU the generator process spent on this slice (user + system), µs. */
  cpuUs: number;
  /** Time its main thread was ready to run but waited for a CPU (other work on its cores), µs; null without /proc schedstat. */
  waitUs: number | null;
  /** Per user, in job order; cookies come back updated (a re-pinned route, a new session). */
  users: BenchUser[];
  tallies: UserTally[];
}

export type FromGenerator = { type: 'done'; result: SliceResult } | { type: 'failed'; id: number; message: string };
