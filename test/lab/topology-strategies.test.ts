// What the process driver reports about the balancing it set up. The
// strategies' routing properties are proved where they are cheapest, against
// a bare nginx (test/lab/nginx-*.test.ts: round-robin evenness, consistent-hash
// pinning and 3 → 4 moves, sticky-cookie pin/forged/re-pin, url-hash), and what
// they mean for a user's cart by the scenarios (test/scenarios/). The
// sticky-cookie form ('portable') is read back through the CLI in
// cli-roundtrip.test.ts.
import { describeTopology, withTopology } from '../support/topology';

jest.setTimeout(120_000);

describeTopology('process driver status', 'memory', () => {
  it('names the strategy, reports no sticky form for a non-sticky one, and lists every replica running', () =>
    withTopology({ driver: 'process', strategy: 'round-robin' }, async (topo) => {
      const status = await topo.status();
      expect(status).toMatchObject({ driver: 'process', strategy: 'round-robin', store: 'memory', balancer: { engine: 'nginx', sticky: 'n/a' } });
      expect(status.replicas.map((r) => [r.name, r.state, r.markedDown])).toEqual([
        ['app1', 'running', false],
        ['app2', 'running', false],
        ['app3', 'running', false],
      ]);
    }));
});
