// The wrapper the control server puts around the lab: faults recorded, the
// rest of the topology untouched. Real faults run in test/ui and test/lab.
import { History } from '../client/history';
import type { Topology } from '../topology/topology';
import { recordFaults } from './recorded-topology';

function fake(): Topology & { calls: string[] } {
  const calls: string[] = [];
  const topo = {
    calls,
    url: 'http://127.0.0.1:1',
    balancer: 'haproxy',
    kill: async (n: string) => void calls.push(`kill:${n}`),
    addReplica: async () => (calls.push('add'), 'app4'),
    // A driver's own composite call: recorded once, as the scale.
    async scale(this: Topology, n: number) {
      calls.push(`scale:${n}`);
      await this.addReplica();
    },
    restartBalancer: async () => {
      throw new Error('balancer did not come back');
    },
    status: async () => ({ replicas: [] }),
  };
  return topo as unknown as Topology & { calls: string[] };
}

it('records each fault once, with what the topology returned, and passes the rest through', async () => {
  const history = new History();
  const raw = fake();
  const topo = recordFaults(raw, history);
  await topo.kill('app2');
  expect(await topo.addReplica()).toBe('app4');
  await topo.scale(5);
  expect(await topo.status()).toEqual({ replicas: [] });
  expect(topo.url).toBe('http://127.0.0.1:1');
  expect(raw.calls).toEqual(['kill:app2', 'add', 'scale:5', 'add']);
  expect(history.faults().map((f) => [f.fault, f.target, f.outcome])).toEqual([
    ['kill', 'app2', 'ok'],
    ['add-replica', 'app4', 'ok'],
    ['scale', 'haproxy', 'ok'], // the balancer that runs takes the membership change
  ]);
});

it('records a balancer restart that broke as unknown and passes the error on', async () => {
  const history = new History();
  await expect(recordFaults(fake(), history).restartBalancer()).rejects.toThrow('balancer did not come back');
  expect(history.faults()).toMatchObject([{ fault: 'balancer-restart', target: 'haproxy', outcome: 'unknown', error: 'balancer did not come back' }]);
});

it('resolves with nothing where the topology does, not with the fault entry', async () => {
  expect(await recordFaults(fake(), new History()).kill('app1')).toBeUndefined();
});
