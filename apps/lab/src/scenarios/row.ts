import type { HistoryLike } from '../client/history';
import { failedRequests, loadSkew, pct } from './checkers';
import type { MatrixRow, ScenarioParams } from './types';

export interface RowFacts {
  variant?: string;
  clients: number;
  lost: number;
  moved: number;
  /** The history the failures and the load are counted over. */
  history: HistoryLike;
  replicas: readonly string[];
  note?: string;
}

/** A matrix row from counts: percentages of `clients`, failures and skew over `history`. */
export function matrixRow(scenario: string, p: ScenarioParams, f: RowFacts): MatrixRow {
  return {
    scenario,
    ...(f.variant ? { variant: f.variant } : {}),
    strategy: p.strategy,
    store: p.store,
    clients: f.clients,
    carts_lost_pct: round(pct(f.lost, f.clients)),
    clients_moved_pct: round(pct(f.moved, f.clients)),
    failed_requests: failedRequests(f.history).length,
    load_skew: round(loadSkew(f.history, f.replicas)),
    ...(f.note ? { note: f.note } : {}),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
