import type { History } from '../client/history';
import type { Verdict } from '../client/verdict';
import type { BalancerEngine, DriverName, RedisPersistence, StoreKind, Strategy } from '../topology/topology';
import type { Timeline } from './timeline';
import type { RowTrust } from './trust';

/** One measured cell of the failure-mode matrix: one scenario × strategy × store (× variant). */
export interface MatrixRow extends RowTrust {
  scenario: string;
  /** The topology driver the row was measured on (absent in reports written before it was recorded). */
  driver?: DriverName;
  /** The balancer the row was measured behind (absent in reports written before it was recorded: nginx). */
  balancer?: BalancerEngine;
  /** Distinguishes two measurements of one scenario on one topology, e.g. `down` vs `removed`. */
  variant?: string;
  strategy: Strategy;
  store: StoreKind;
  clients: number;
  /** Clients that lost at least one acknowledged item, in % of clients; `unknown` when the cart check saw no evidence. */
  carts_lost_pct: number | 'unknown';
  /** Clients whose serving replica changed across the fault, in % of clients; `unknown` when the placement check saw no evidence. */
  clients_moved_pct: number | 'unknown';
  /** Requests that did not get a 2xx (fail or unknown). */
  failed_requests: number;
  /** Busiest replica's requests / mean requests per replica (1 = even, N = all on one of N). */
  load_skew: number;
  /** How long the scenario took, boot to teardown. */
  duration_ms?: number;
  /** The balancer's own arithmetic replayed from its rendered config (deterministic strategies only; scenarios/predicted.ts). */
  predicted?: { placement_agreement_pct: number; clients_moved_pct: number; load_skew: number };
  /** One line a person reads in the report next to the numbers. */
  note?: string;
  /** hostile-neighbour only: what the other clients got while one address attacked, and what it cost the attacker and the balancer. */
  neighbour?: NeighbourNumbers;
  /**
   * Redis failover rows only: a chance-driven event (see redis-failover.ts).
   * Over repeated runs: the median time without a primary and its
   * [min, max] (`no_primary_ms_range`), the adds of every run summed.
   */
  failover?: { no_primary_ms: number | null; no_primary_ms_range?: [number, number]; acked_adds_lost: number; acked_adds: number };
  /** The verdicts behind the percentages, with their reasons (`unknown` fails a scenario test). */
  checks?: { carts?: Verdict; placement?: Verdict; stale?: Verdict };
  /** The run's requests and faults over time; on the first row of each run only (rows of one run share it). */
  timeline?: Timeline;
}

export interface NeighbourNumbers {
  /** The shoppers' requests answered 2xx during the attack, in %. */
  shoppers_ok_pct: number;
  /** Their p99 latency during the attack over their own quiet p99 just before; null when either is unknown. */
  p99_ratio: number | null;
  /** Refusals (429/503, refused socket handshakes) the attacker got. */
  attacker_refused: number;
  /** Largest balancer RSS sampled during the attack (every process of it); null where the driver cannot read it. */
  balancer_rss_kb: number | null;
}

export interface ScenarioParams {
  strategy: Strategy;
  store: StoreKind;
  /** The balancer in front (default nginx). */
  balancer?: BalancerEngine;
  /** Redis' persistence for this run (redis store only; default `none`: a restart empties it). */
  redisPersistence?: RedisPersistence;
  /** Set: Redis runs as a Sentinel group; cart writes WAIT for this many replicas, and the primary needs this many to write. */
  sentinel?: { waitReplicas: number; minReplicasToWrite: number };
}

/** What a failed assertion prints: enough to see what happened without re-running. */
export interface Evidence {
  /** One line per client: address, replicas seen, acknowledged vs final cart. */
  summary: string[];
  /** The balancer's rendered config (nginx or HAProxy). */
  balancerConfig: string;
  logs: Record<string, string>;
}

/**
 * A runner's answer. `facts` are the scenario-specific measurements the tests
 * assert on (sets of client names, counts, latencies); `rows` go to the report.
 */
export interface ScenarioResult<F = Record<string, unknown>> {
  rows: MatrixRow[];
  facts: F;
  /** Every operation of every client, for the checkers and for evidence. */
  history: History;
  evidence: Evidence;
}

export interface RunOptions {
  /**
   * Receives the topology's teardown instead of waiting for it, so a caller
   * running many scenarios (the report) can overlap one teardown with the
   * next boot. The caller must await every promise it receives.
   */
  deferTeardown?: (down: Promise<void>) => void;
}

export interface ScenarioDefinition {
  id: string;
  title: string;
  /** What the fault is, for the report and the progress line. */
  fault: string;
  /** The parametrisations that teach something (not the full cross product). */
  params: ScenarioParams[];
  run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult>;
}
