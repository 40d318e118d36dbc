import type { MatrixRow } from '../scenarios/types';
import { judgeSentinel, registryVariants } from './sentinel-claim';

const cell = (scenario: string, variant: string, lost: number, adds = 900, balancer?: 'haproxy'): MatrixRow =>
  ({
    scenario: `redis-primary-${scenario}`,
    variant,
    strategy: 'round-robin',
    store: 'redis',
    ...(balancer ? { balancer } : {}),
    failover: { no_primary_ms: 4100, acked_adds_lost: lost, acked_adds: adds },
  }) as MatrixRow;

const GRID = ['killed WAIT 0', 'killed WAIT 1', 'paused WAIT 0'];
const all = (lost = 0) => [cell('killed', 'WAIT 0', lost), cell('killed', 'WAIT 1', 0, 900, 'haproxy'), cell('paused', 'WAIT 0', 0)];

describe('Sentinel keeps every acknowledged cart', () => {
  it('reads the registry: both faults, WAIT 0/1, and min-replicas-to-write 0/1 for the pause', () => {
    expect(registryVariants()).toEqual([
      'killed WAIT 0',
      'killed WAIT 1',
      'paused WAIT 0',
      'paused WAIT 0, min-replicas-to-write 1',
      'paused WAIT 1',
      'paused WAIT 1, min-replicas-to-write 1',
    ]);
  });

  it('true with conditions only when every variant, on any balancer, kept every acknowledged add', () => {
    expect(judgeSentinel(all(), GRID)).toMatchObject({ verdict: 'true-with-conditions', measured: expect.stringContaining('killed WAIT 1 (haproxy): 0 of 900') });
  });

  it('false as soon as one cell lost an add, whatever else is missing', () => {
    expect(judgeSentinel([cell('killed', 'WAIT 0', 2)], GRID)).toMatchObject({ verdict: 'false', measured: expect.stringContaining('killed WAIT 0: 2 of 900') });
  });

  it('unknown while a variant was not measured, or a cell saw no acknowledged add', () => {
    expect(judgeSentinel(all().slice(0, 2), GRID)).toMatchObject({ verdict: 'unknown', measured: expect.stringContaining('not measured: paused WAIT 0') });
    const blind = [...all().slice(0, 2), cell('paused', 'WAIT 0', 0, 0)];
    expect(judgeSentinel(blind, GRID)).toMatchObject({ verdict: 'unknown', measured: expect.stringContaining('no evidence: paused WAIT 0') });
    expect(judgeSentinel([], GRID).verdict).toBe('unknown');
  });
});
