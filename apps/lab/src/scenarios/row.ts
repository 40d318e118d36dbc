import type { LostCheck, StayCheck } from '../client/checkers';
import type { HistoryLike } from '../client/history';
import type { Verdict } from '../client/verdict';
import { failedRequests, loadSkew, pct } from './measures';
import { REPLICAS } from './plan';
import { theoryFor } from './theory';
import type { RowMoves } from './trust';
import type { MatrixRow, ScenarioParams } from './types';

export interface RowFacts {
  variant?: string;
  /** Where the moved clients went (membership changes). */
  moves?: RowMoves;
  clients: number;
  /** The cart check over the measured window. */
  lost: LostCheck;
  /** The placement check across the fault, or a count measured directly (clients on more than one replica). */
  moved: StayCheck | number;
  /** The history the failures and the load are counted over. */
  history: HistoryLike;
  replicas: readonly string[];
  note?: string;
  /** The replay's prediction for this row (scenarios/predicted.ts), where the strategy is deterministic. */
  predicted?: MatrixRow['predicted'];
}

/** A matrix row from counts: percentages of `clients`, failures and skew over `history`. */
export function matrixRow(scenario: string, p: ScenarioParams, f: RowFacts): MatrixRow {
  return {
    scenario,
    balancer: p.balancer ?? 'nginx',
    ...(f.variant ? { variant: f.variant } : {}),
    strategy: p.strategy,
    store: p.store,
    clients: f.clients,
    carts_lost_pct: share(f.lost, new Set(f.lost.lost.map((l) => l.client)).size, f.clients),
    clients_moved_pct: typeof f.moved === 'number' ? round(pct(f.moved, f.clients)) : share(f.moved, f.moved.moves.length, f.clients),
    failed_requests: failedRequests(f.history).length,
    load_skew: round(loadSkew(f.history, f.replicas)),
    ...(f.predicted ? { predicted: f.predicted } : {}),
    ...(f.note ? { note: f.note } : {}),
    checks: { carts: verdict(f.lost), ...(typeof f.moved === 'number' ? {} : { placement: verdict(f.moved) }) },
    ...withTheory(scenario, p, f.variant),
    ...(f.moves ? { moves: f.moves } : {}),
  };
}

function withTheory(scenario: string, p: ScenarioParams, variant?: string): Pick<MatrixRow, 'theory'> {
  const theory = theoryFor({ scenario, strategy: p.strategy, balancer: p.balancer, variant }, REPLICAS);
  return theory ? { theory } : {};
}

/** A percentage of clients, or `unknown` when the check behind it saw no evidence. */
function share(check: Verdict, count: number, clients: number): number | 'unknown' {
  return check.valid === 'unknown' ? 'unknown' : round(pct(count, clients));
}

const verdict = (v: Verdict): Verdict => ({ valid: v.valid, reason: v.reason });

const round = (x: number) => Math.round(x * 100) / 100;
