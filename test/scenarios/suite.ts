// One jest test per parametrisation of a scenario in the registry, with
// the expectations keyed `strategy/store` (behind HAProxy `haproxy/strategy/store`).
// The registry and the tests cannot drift apart: a parametrisation without
// an expectation fails.
import { scenario } from '../../apps/lab/src/scenarios';
import { paramKey } from '../../apps/lab/src/scenarios/plan';
import { ScenarioError } from '../../apps/lab/src/scenarios/harness';
import type { Evidence, ScenarioParams, ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { missingBinaries } from '../support/topology';
import { noteSkip } from '../support/skip';

let composeChecked: string | null | undefined;
/** Asked once per suite: the check runs `docker info`. */
function composeReason(): string | null {
  if (composeChecked === undefined) {
    composeChecked = (require('../../apps/lab/src/topology/drivers/compose') as typeof import('../../apps/lab/src/topology/drivers/compose')).composeUnavailableReason();
  }
  return composeChecked;
}

/**
 * Boot (slow when the machine is busy) + a few hundred requests + teardown.
 * Compose: every fault is a `docker compose` call and a replica start boots
 * node in a container (a rolling restart of three took over 120 s here).
 */
const TEST_TIMEOUT_MS = process.env.LAB_DRIVER === 'compose' ? 240_000 : 120_000;

export type Expectations<F> = Record<string, (result: ScenarioResult<F>) => void>;

export interface SuiteOptions {
  /** Set when the scenario needs the process driver (e.g. it reaches replicas by their own ports): the reason it cannot run under Compose. */
  processOnly?: string;
  timeoutMs?: number;
  /**
   * Cells of the registry (`lab report --all` runs them) whose property a
   * kept cell or another suite already proves, with where: they skip saying
   * so instead of booting a topology to prove it again.
   */
  provedBy?: Record<string, string>;
}

let cellFilter: { keep: Readonly<Record<string, readonly string[]>>; why: string } | undefined;

/**
 * From now on, of the scenarios named in `keep` only the listed cells run; the
 * others skip and print `why` (scenarios not named run every cell). For a
 * second driver whose own mechanics a few cells prove, the rest being proved
 * cell by cell on the first (test/docker/engine/scenarios.docker.ts).
 */
export function onlyCells(keep: Readonly<Record<string, readonly string[]>>, why: string): void {
  cellFilter = { keep, why };
}

function filteredOut(id: string, cell: string): string | null {
  const kept = cellFilter?.keep[id];
  return kept && !kept.includes(cell) ? cellFilter!.why : null;
}

export function scenarioSuite<F>(id: string, expectations: Expectations<F>, suite: SuiteOptions = {}): void {
  const def = scenario(id);
  const kept = cellFilter?.keep[id];
  // A topology's teardown (≈ 1–2 s, mostly waiting on processes to exit)
  // overlaps the next test's boot; afterAll waits for every one of them.
  const teardowns: Promise<void>[] = [];
  const options = { deferTeardown: (down: Promise<void>) => void teardowns.push(down) };
  describe(`${id}: ${def.fault}`, () => {
    afterAll(async () => {
      const failed = (await Promise.allSettled(teardowns)).filter((t) => t.status === 'rejected');
      if (failed.length) throw new Error(`teardown failed: ${failed.map((t) => String((t as PromiseRejectedResult).reason)).join('; ')}`);
    }, 60_000);
    it('has an expectation, or names what proves it, for every parametrisation in the registry', () => {
      const provedBy = Object.keys(suite.provedBy ?? {});
      expect(provedBy.filter((cell) => cell in expectations)).toEqual([]);
      expect([...Object.keys(expectations), ...provedBy].sort()).toEqual(def.params.map(key).sort());
      // A kept cell the registry does not have would quietly run nothing.
      expect((kept ?? []).filter((cell) => !(cell in expectations))).toEqual([]);
    });
    for (const params of def.params) {
      const elsewhere = suite.provedBy?.[key(params)];
      const why = elsewhere
        ? `proved by ${elsewhere}`
        : process.env.LAB_DRIVER === 'compose' && suite.processOnly
          ? `LAB_DRIVER=compose: ${suite.processOnly}`
          : (filteredOut(id, key(params)) ?? skipReason(params));
      if (why) {
        it.skip(`${key(params)} [skipped: ${why}]`, () => undefined);
        noteSkip(`${id} ${key(params)}: ${why}`);
        continue;
      }
      it(
        key(params),
        async () => {
          const result = (await runWithEvidence(() => def.run(params, options))) as ScenarioResult<F>;
          withEvidence(result.evidence, () => {
            expectNoUnknown(result);
            expectPredicted(id, params, result);
            expectations[key(params)](result);
          });
        },
        suite.timeoutMs ?? TEST_TIMEOUT_MS,
      );
    }
  });
}

const PREDICTING = ['steady-state', 'replica-killed', 'scale-out', 'maintenance', 'nat'];
const DETERMINISTIC: string[] = ['ip-hash', 'consistent-hash', 'url-hash'];

/**
 * Where the strategy is deterministic the row carries the replay of the
 * balancer's arithmetic: every measured placement must be the predicted one,
 * and the measured moves and skew the predicted ones. A difference is a
 * finding (the lab or the model is wrong), never noise.
 */
function expectPredicted(id: string, params: ScenarioParams, result: ScenarioResult<unknown>): void {
  // A replay that silently predicted nothing would make the loop below vacuous.
  if (PREDICTING.includes(id) && DETERMINISTIC.includes(params.strategy)) expect(result.rows.filter((r) => !r.predicted)).toEqual([]);
  for (const row of result.rows.filter((r) => r.predicted)) {
    const { placement_agreement_pct, clients_moved_pct, load_skew } = row.predicted!;
    const agrees = placement_agreement_pct === 100 && clients_moved_pct === row.clients_moved_pct && load_skew === row.load_skew;
    const slow = slowReplicaLines(result.evidence);
    if (!agrees && slow.length) {
      throw new Error(
        `${row.variant ?? 'row'}: measured ≠ predicted, and the lab is what is wrong, not the model: the balancer took a live ` +
          `replica out because it answered too slowly (a loaded machine), so the placement changed under the measurement:\n${slow.join('\n')}`,
      );
    }
    expect({ variant: row.variant, placement_agreement_pct, clients_moved_pct, load_skew }).toEqual({
      variant: row.variant,
      placement_agreement_pct: 100,
      clients_moved_pct: row.clients_moved_pct,
      load_skew: row.load_skew,
    });
  }
}

/** HAProxy health checks or nginx proxying that timed out on a replica nobody paused: it left the rotation for a while. */
function slowReplicaLines(evidence: Evidence): string[] {
  const lines = [evidence.logs.haproxy, evidence.logs.nginx].flatMap((log) => (log ?? '').split('\n'));
  return lines.filter((l) => /is DOWN, reason: Layer[47] timeout|upstream timed out/.test(l));
}

/** A check that saw no evidence fails the test: "unknown" is never a pass. */
function expectNoUnknown(result: ScenarioResult<unknown>): void {
  const unknown = result.rows.flatMap((row) =>
    Object.entries(row.checks ?? {})
      .filter(([, v]) => v?.valid === 'unknown')
      .map(([name, v]) => `${row.variant ?? 'row'} ${name}: ${v!.reason}`),
  );
  expect(unknown).toEqual([]);
}

/** `strategy/store[/persistence]` behind nginx (the default); `haproxy/…` behind HAProxy. */
export const key = paramKey;

/** Why this parametrisation cannot run here, or null. */
function skipReason(params: ScenarioParams): string | null {
  if (process.env.LAB_DRIVER === 'compose') {
    const engine = composeReason();
    if (engine) return `LAB_DRIVER=compose but ${engine}`;
  }
  // Under Compose the clients get their own addresses on a bridge of the
  // driver's; where the machine does not allow that (not root), every client
  // would reach the balancer from one bridge address (docs/docker.md).
  if (process.env.LAB_DRIVER === 'compose' && ['ip-hash', 'consistent-hash'].includes(params.strategy)) {
    const why = (require('../../apps/lab/src/topology/drivers/compose') as typeof import('../../apps/lab/src/topology/drivers/compose')).clientNetUnavailableReason();
    if (why) return `under the compose driver all clients would share one bridge address: ${why}`;
  }
  const missing = [...missingBinaries(params.store), ...(params.balancer === 'haproxy' && !findBinary('haproxy') ? ['haproxy'] : [])];
  if (missing.length === 0) return null;
  return `${missing.join(' and ')} not installed (sudo apt-get install -y ${missing.join(' ')})`;
}

async function runWithEvidence<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ScenarioError) err.message += `\n${formatEvidence(err.evidence)}`;
    throw err;
  }
}

/** Green stays quiet; a failed expectation carries what happened. */
function withEvidence(evidence: Evidence, check: () => void): void {
  try {
    check();
  } catch (err) {
    if (err instanceof Error) err.message += `\n${formatEvidence(evidence)}`;
    throw err;
  }
}

export function formatEvidence(e: Evidence): string {
  const logs = Object.entries(e.logs).map(([name, text]) => `---- ${name} (tail) ----\n${text.trimEnd()}`);
  return ['==== per client: replicas seen, losses, failures ====', ...e.summary, '==== balancer config ====', e.balancerConfig, ...logs].join('\n');
}

/** Sorted copy, so set equality reads as array equality in failure output. */
export const sorted = (xs: readonly string[]) => [...xs].sort();
