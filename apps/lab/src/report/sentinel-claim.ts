// "Redis with Sentinel keeps every acknowledged cart": judged over every
// failover variant the registry lists, on whichever balancer measured it
// (the balancer does not touch the store). Pure, apart from reading the registry.
import { SCENARIOS } from '../scenarios';
import { sentinelVariant } from '../scenarios/redis-failover';
import type { MatrixRow } from '../scenarios/types';

/** Never plain 'true' (see judgeSentinel). */
type Verdict = 'false' | 'true-with-conditions' | 'unknown';

const FAILOVER = /^redis-primary-(killed|paused)$/;

/** `killed WAIT 0`: one variant of the failover grid, whatever the balancer. */
const variantOf = (scenario: string, variant: string) => `${scenario.replace('redis-primary-', '')} ${variant}`;

/** Every variant the registry's failover cells measure, in registry order. */
export function registryVariants(): string[] {
  const all = SCENARIOS.filter((s) => FAILOVER.test(s.id)).flatMap((s) => s.params.map((p) => variantOf(s.id, sentinelVariant(p))));
  return [...new Set(all)];
}

function cellLine(r: MatrixRow): string {
  const f = r.failover!;
  const where = r.balancer && r.balancer !== 'nginx' ? ` (${r.balancer})` : '';
  const gap = f.no_primary_ms === null ? 'no write failed' : `no primary for ${f.no_primary_ms} ms`;
  return `${variantOf(r.scenario, r.variant ?? '')}${where}: ${f.acked_adds_lost} of ${f.acked_adds} acknowledged adds lost, ${gap}`;
}

/**
 * false as soon as any cell lost an acknowledged add; unknown while a
 * variant was not measured or a cell saw no acknowledged add (no evidence
 * either way); otherwise true with conditions, never plain true: a few runs
 * of asynchronous replication prove no guarantee.
 */
export function judgeSentinel(rows: readonly MatrixRow[], expected: readonly string[] = registryVariants()): { verdict: Verdict; measured: string } {
  const cells = rows.filter((r) => FAILOVER.test(r.scenario) && r.failover);
  if (!cells.length) return { verdict: 'unknown', measured: 'no redis-primary-killed or redis-primary-paused row measured' };
  const line = cells.map(cellLine).join('; ');
  if (cells.some((r) => r.failover!.acked_adds_lost > 0)) return { verdict: 'false', measured: line };
  const blind = cells.filter((r) => r.failover!.acked_adds === 0).map((r) => variantOf(r.scenario, r.variant ?? ''));
  const seen = new Set(cells.map((r) => variantOf(r.scenario, r.variant ?? '')));
  const missing = expected.filter((v) => !seen.has(v));
  if (blind.length) return { verdict: 'unknown', measured: `${line} — no acknowledged add, no evidence: ${blind.join(', ')}` };
  if (missing.length) return { verdict: 'unknown', measured: `${line} — not measured: ${missing.join(', ')}` };
  return { verdict: 'true-with-conditions', measured: `${line} — a few runs; replication is asynchronous, WAIT narrows the window without closing it` };
}
