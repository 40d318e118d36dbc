// Where the clients that moved across a membership change went. Moving off a
// replica that left is the change itself; moving onto a new replica is the
// price of growing; moving between two replicas that both stayed is
// collateral damage (the remap users complain about on ring hashes). Pure.
import type { Move } from '../client/checkers';
import type { RowMoves } from './trust';

export function decomposeMoves(moves: readonly Move[], change: { removed?: readonly string[]; added?: readonly string[] }): RowMoves {
  const out: RowMoves = { from_removed: 0, to_new: 0, between_survivors: 0 };
  for (const m of moves) {
    if (change.removed?.includes(m.from)) out.from_removed++;
    else if (change.added?.includes(m.to)) out.to_new++;
    else out.between_survivors++;
  }
  return out;
}
