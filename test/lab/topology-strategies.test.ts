// Each strategy through the real nginx: who keeps a user on one replica, who
// spreads. Three replicas, memory store; one topology per strategy.
import { LabClient } from '../../apps/lab/src/client';
import { describeTopology, withTopology } from '../support/topology';
import { closeAll, distribution, many, replicasOf, users } from '../support/topology-traffic';

jest.setTimeout(120_000);

describeTopology('strategies through nginx', 'memory', () => {
  it('round-robin spreads one client evenly: 9 requests → 3 per replica', () =>
    withTopology({ strategy: 'round-robin' }, async (topo) => {
      const [u] = users(topo.url, 1);
      try {
        // One nginx worker, three equal servers: strict rotation.
        expect(distribution(await many(u, 9))).toEqual({ app1: 3, app2: 3, app3: 3 });
        const status = await topo.status();
        expect(status).toMatchObject({ driver: 'process', strategy: 'round-robin', nginx: { sticky: 'n/a' } });
        expect(status.replicas.map((r) => [r.name, r.state])).toEqual([
          ['app1', 'running'],
          ['app2', 'running'],
          ['app3', 'running'],
        ]);
      } finally {
        closeAll([u]);
      }
    }));
});
