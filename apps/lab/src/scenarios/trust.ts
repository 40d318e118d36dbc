// What makes a row's numbers trustworthy: how many runs stand behind it and
// how far they spread, what the algorithm's arithmetic predicts, and what the
// published theory says. Kept apart from MatrixRow's own fields so a row of
// an older report (none of these) still reads.

/** [min, max] over a cell's repeated runs. */
export type Range = [number, number];

/** A percentage's range is null when no run had evidence for it (the value reads `unknown`). */
export interface RowSpread {
  carts_lost_pct: Range | null;
  clients_moved_pct: Range | null;
  load_skew: Range;
  /** Not a ratio, but the differences rule needs its range too. */
  failed_requests?: Range;
}

/** The balancer's own arithmetic replayed from the rendered config (deterministic strategies only). */
export interface RowPrediction {
  placement_agreement_pct: number;
  clients_moved_pct: number;
  load_skew: number;
}

/** The textbook number for this kind of change, with its formula. */
export interface RowTheory {
  /** Which measured column it is the theory of. */
  metric: 'clients_moved_pct' | 'load_skew';
  value: number;
  formula: string;
}

/** Where the clients that moved went: the collateral damage is `between_survivors`. */
export interface RowMoves {
  /** Moved off a replica that left (killed, removed, marked down). */
  from_removed: number;
  /** Moved from a surviving replica onto a new one. */
  to_new: number;
  /** Moved from one surviving replica to another: neither end changed. */
  between_survivors: number;
}

/** How the victim's clients found a live replica after a kill. */
export interface RowRepin {
  /** Kill → first 2xx from a live replica, median over the killed replica's clients; `unknown` when none answered. */
  first_answer_ms: number | 'unknown';
  /** Distinct replicas that answered each of those clients over its next 10 requests, median. */
  replicas_seen: number | 'unknown';
  /** Whether the balancer set a new route cookie on those clients (false where the strategy has none). */
  fresh_route_cookie: boolean;
}

export interface RowTrust {
  /** Runs behind the numbers: 1 for a deterministic cell; with more, the numbers are medians. */
  runs?: number;
  /** Present whenever `runs > 1`. */
  spread?: RowSpread;
  predicted?: RowPrediction;
  theory?: RowTheory;
  moves?: RowMoves;
  repin?: RowRepin;
}
