// Jepsen's three-valued verdict: a checker that saw no evidence says
// `unknown`, never `true`.

export type Valid = true | false | 'unknown';

export interface Verdict {
  valid: Valid;
  /** One sentence a person reads: what was seen, or what was missing. */
  reason: string;
}

/** Combines verdicts the way Jepsen does: any false wins, then any unknown, else true. */
export function mergeValid(vs: readonly Valid[]): Valid {
  if (vs.includes(false)) return false;
  if (vs.includes('unknown') || vs.length === 0) return 'unknown';
  return true;
}

/** `c01, c02, c03 +4` : names in a reason, bounded. */
export function nameList(names: readonly string[], max = 6): string {
  // In name order (c2 before c10), not the order requests happened to finish:
  // the same run must read the same, and a deterministic cell stay byte-equal.
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const shown = sorted.slice(0, max).join(', ');
  return names.length > max ? `${shown} +${names.length - max}` : shown;
}
