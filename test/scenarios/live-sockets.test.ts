// Live cart updates over Socket.IO, through nginx, on the process driver.
// One jest test per parametrisation in the live registry, as suite.ts does
// for the main registry (the registry and the expectations cannot drift).
import { LIVE_SCENARIOS, liveScenario } from '../../apps/lab/src/scenarios/live/registry';
import type { CrossFacts } from '../../apps/lab/src/scenarios/live-cross-replica';
import type { LiveKilledFacts } from '../../apps/lab/src/scenarios/live-replica-killed';
import type { TransportFacts } from '../../apps/lab/src/scenarios/live-transports';
import { ScenarioError } from '../../apps/lab/src/scenarios/harness';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { noteSkip } from '../support/skip';
import { missingBinaries } from '../support/topology';
import { formatEvidence, key } from './suite';

const TEST_TIMEOUT_MS = 150_000;
type Expectations<F> = Record<string, (r: ScenarioResult<F>) => void>;

function liveSuite<F>(id: string, expectations: Expectations<F>): void {
  const def = liveScenario(id);
  describe(`${id}: ${def.fault}`, () => {
    it('has an expectation for every parametrisation in the live registry', () => {
      expect(Object.keys(expectations).sort()).toEqual(def.params.map(key).sort());
    });
    for (const params of def.params) {
      const missing = process.env.LAB_DRIVER === 'compose' ? ['the process driver (LAB_DRIVER=compose is set)'] : missingBinaries(params.store);
      if (missing.length) {
        const why = `${missing.join(' and ')} not available`;
        it.skip(`${key(params)} [skipped: ${why}]`, () => undefined);
        noteSkip(`${id} ${key(params)}: ${why}`);
        continue;
      }
      it(
        key(params),
        async () => {
          let result: ScenarioResult<F>;
          try {
            result = (await def.run(params)) as ScenarioResult<F>;
          } catch (err) {
            if (err instanceof ScenarioError) err.message += `\n${formatEvidence(err.evidence)}`;
            throw err;
          }
          try {
            const unknown = result.rows.flatMap((r) => Object.entries(r.checks ?? {}).filter(([, v]) => v?.valid === 'unknown'));
            expect(unknown).toEqual([]);
            expectations[key(params)](result);
          } catch (err) {
            if (err instanceof Error) err.message += `\n${result.rows.map((r) => `${r.variant}: ${r.note}`).join('\n')}\n${formatEvidence(result.evidence)}`;
            throw err;
          }
        },
        TEST_TIMEOUT_MS,
      );
    }
  });
}

it('the live registry names three scenarios', () => {
  expect(LIVE_SCENARIOS.map((s) => s.id)).toEqual(['live-transports', 'live-replica-killed', 'live-cross-replica']);
});

// Polling needs every request on the replica that holds the engine session.
const affinity = (r: ScenarioResult<TransportFacts>) => {
  expect(r.facts.polling.broken).toBe(0);
  expect(r.facts.websocket.broken).toBe(0);
  expect(r.facts.polling.elsewhere + r.facts.websocket.elsewhere).toBe(0);
};

liveSuite<TransportFacts>('live-transports', {
  'round-robin/redis': (r) => {
    // Three replicas: a handshake survives its next request one time in three, so nearly all break.
    expect(r.facts.polling.broken).toBeGreaterThanOrEqual(r.facts.polling.clients / 2);
    expect(Object.keys(r.facts.polling.reasons).some((why) => /xhr (poll|post) error|transport error/.test(why))).toBe(true);
    // One TCP connection: the WebSocket needs no affinity.
    expect(r.facts.websocket.broken).toBe(0);
  },
  'ip-hash/memory': affinity,
  'sticky-cookie/memory': affinity,
});

const reconnects = (r: ScenarioResult<LiveKilledFacts>) => {
  const f = r.facts;
  expect(f.held).toBeGreaterThan(0);
  expect(f.dropped).toBe(f.held);
  expect(f.collateral).toBe(0);
  expect(f.reconnected).toBe(f.held);
  expect(Object.keys(f.landed)).not.toContain(f.victim);
  expect(f.reconnectMs.max!).toBeLessThan(10_000);
  expect(f.deliveredAfter).toBe(f.reconnected);
};

liveSuite<LiveKilledFacts>('live-replica-killed', {
  'ip-hash/redis': reconnects,
  'sticky-cookie/redis': reconnects,
  // The session died with the replica: the reconnect is refused, not let in anonymously.
  'sticky-cookie/memory': (r) => {
    expect(r.facts.held).toBeGreaterThan(0);
    expect(r.facts.dropped).toBe(r.facts.held);
    expect(r.facts.collateral).toBe(0);
    expect(r.facts.refused).toBe(r.facts.held);
    expect(r.facts.reconnected).toBe(0);
  },
});

liveSuite<CrossFacts>('live-cross-replica', {
  'sticky-cookie/redis': (r) => {
    expect(r.facts.none.writes).toBeGreaterThan(0);
    expect(r.facts.none.delivered).toBe(0);
    expect(r.facts.redis.writes).toBeGreaterThan(0);
    expect(r.facts.redis.delivered).toBe(r.facts.redis.writes);
  },
});
