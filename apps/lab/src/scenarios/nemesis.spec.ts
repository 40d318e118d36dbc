// The nemesis' own bookkeeping: what it writes into the history for a fault
// that worked, one the topology refused, and one that broke half-way. The
// faults themselves are exercised through real topologies in test/scenarios.
import { History } from '../client/history';
import type { Topology } from '../topology/topology';
import { Nemesis } from './nemesis';

function topology(over: Partial<Topology>): Topology {
  return over as Topology;
}

it('records a fault that worked as ok, with when it started and ended', async () => {
  const history = new History();
  const kill = await new Nemesis(topology({ kill: () => new Promise((r) => setTimeout(r, 20)) }), history).kill('app2');
  expect(history.ops).toEqual([kill]);
  expect(kill).toMatchObject({ type: 'fault', fault: 'kill', target: 'app2', outcome: 'ok' });
  expect(kill.endedAt - kill.startedAt).toBeGreaterThanOrEqual(15);
  expect(history.entries).toEqual([]);
});

it('names the replica it added and tells drain from undrain', async () => {
  const history = new History();
  const nemesis = new Nemesis(topology({ addReplica: async () => 'app4', markDown: async () => undefined }), history);
  expect(await nemesis.addReplica()).toMatchObject({ fault: 'add-replica', target: 'app4', value: 'app4' });
  await nemesis.markDown('app1', true);
  await nemesis.markDown('app1', false);
  expect(history.faults().map((f) => f.fault)).toEqual(['add-replica', 'drain', 'undrain']);
});

it('records a refused fault as fail and a broken one as unknown, and passes the error on', async () => {
  const history = new History();
  const nemesis = new Nemesis(
    topology({
      scale: async () => {
        throw new RangeError('scale needs a whole number of replicas ≥ 1, got 0');
      },
      stop: async () => {
        throw new Error('app2 did not exit within 10 s');
      },
    }),
    history,
  );
  await expect(nemesis.scale(0)).rejects.toThrow(RangeError);
  await expect(nemesis.stop('app2')).rejects.toThrow('did not exit');
  expect(history.faults().map((f) => [f.fault, f.outcome, f.error])).toEqual([
    ['scale', 'fail', 'scale needs a whole number of replicas ≥ 1, got 0'],
    ['stop', 'unknown', 'app2 did not exit within 10 s'],
  ]);
});

it('records a balancer restart and reload under the engine, and a second instance killed under its own name', async () => {
  const history = new History();
  const calls: string[] = [];
  const topo = topology({ balancer: 'haproxy', restartBalancer: async () => void calls.push('restart'), reloadBalancer: async () => void calls.push('reload') } as Partial<Topology>);
  const nemesis = new Nemesis(topo, history);
  await nemesis.restartBalancer();
  await nemesis.reloadBalancer();
  await nemesis.killBalancer('lb1', { kill: async () => void calls.push('kill lb1') });
  expect(calls).toEqual(['restart', 'reload', 'kill lb1']);
  expect(history.faults().map((f) => [f.fault, f.target, f.outcome])).toEqual([
    ['balancer-restart', 'haproxy', 'ok'],
    ['balancer-reload', 'haproxy', 'ok'],
    ['balancer-kill', 'lb1', 'ok'],
  ]);
});

it('records a balancer restart the driver cannot do as unknown, with its error', async () => {
  const history = new History();
  const topo = topology({ balancer: 'nginx', restartBalancer: async () => Promise.reject(new Error('nginx did not serve within 15 s')) } as Partial<Topology>);
  await expect(new Nemesis(topo, history).restartBalancer()).rejects.toThrow('did not serve');
  expect(history.faults()[0]).toMatchObject({ fault: 'balancer-restart', outcome: 'unknown', error: 'nginx did not serve within 15 s' });
});
