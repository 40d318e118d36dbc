// The nemesis' own bookkeeping, on the real topology core (a driver that only
// records): what it writes into the history for a fault that worked, one the
// core refused, and one that broke half-way. The faults themselves are
// exercised through real topologies in test/scenarios.
import { RecordingDriver } from '../../../../test/support/recording-driver';
import { History } from '../client/history';
import { TopologyError } from '../topology/errors';
import { Nemesis } from './nemesis';

async function booted(replicas: number, opts: ConstructorParameters<typeof RecordingDriver>[0] = {}): Promise<RecordingDriver> {
  const t = new RecordingDriver(opts);
  await t.boot(replicas);
  return t;
}

it('records a fault that worked as ok, with when it started and ended', async () => {
  const history = new History();
  const kill = await new Nemesis(await booted(3), history).kill('app2');
  expect(history.ops).toEqual([kill]);
  expect(kill).toMatchObject({ type: 'fault', fault: 'kill', target: 'app2', outcome: 'ok' });
  expect(kill.endedAt).toBeGreaterThanOrEqual(kill.startedAt);
  expect(history.entries).toEqual([]);
});

it('names the replica it added, and gives a mark-down and a drain each its own kind', async () => {
  const history = new History();
  const nemesis = new Nemesis(await booted(3), history);
  expect(await nemesis.addReplica()).toMatchObject({ fault: 'add-replica', target: 'app4', value: 'app4' });
  await nemesis.markDown('app1', true);
  await nemesis.markDown('app1', false);
  await nemesis.drain('app2', true);
  await nemesis.drain('app2', false);
  expect(history.faults().map((f) => f.fault)).toEqual(['add-replica', 'mark-down', 'mark-up', 'drain', 'undrain']);
});

it('records what the core refuses as fail and a fault that broke half-way as unknown, and passes the error on', async () => {
  const history = new History();
  const topo = await booted(2);
  topo.breakOps.add('stop');
  const nemesis = new Nemesis(topo, history);
  await expect(nemesis.scale(0)).rejects.toThrow(TopologyError);
  await expect(nemesis.kill('app9')).rejects.toThrow(TopologyError);
  await expect(nemesis.stop('app2')).rejects.toThrow('app2 did not stop in time');
  expect(history.faults().map((f) => [f.fault, f.outcome])).toEqual([
    ['scale', 'fail'],
    ['kill', 'fail'],
    ['stop', 'unknown'],
  ]);
  expect(history.faults()[1].error).toMatch(/no replica named app9/);
});

it('records balancer faults under the engine that runs, and a second instance killed under its own name', async () => {
  const history = new History();
  const topo = await booted(1, { balancer: 'haproxy' });
  const nemesis = new Nemesis(topo, history);
  await nemesis.restartBalancer();
  await nemesis.reloadBalancer();
  const calls: string[] = [];
  await nemesis.killBalancer('lb1', { kill: async () => void calls.push('kill lb1') });
  expect(topo.calls.filter((c) => c.startsWith('balancer re') && c.endsWith(':begin'))).toEqual(['balancer restart:begin', 'balancer reload:begin']);
  expect(calls).toEqual(['kill lb1']);
  await nemesis.scale(2);
  expect(history.faults().map((f) => [f.fault, f.target, f.outcome])).toEqual([
    ['balancer-restart', 'haproxy', 'ok'],
    ['balancer-reload', 'haproxy', 'ok'],
    ['balancer-kill', 'lb1', 'ok'],
    ['scale', 'haproxy', 'ok'], // a membership change is the balancer's, whichever runs
  ]);
});

it('records a balancer restart that failed in the driver as unknown, with its error', async () => {
  const history = new History();
  const topo = await booted(1);
  topo.failBalancerOps = true;
  await expect(new Nemesis(topo, history).restartBalancer()).rejects.toThrow('did not serve');
  expect(history.faults()[0]).toMatchObject({ fault: 'balancer-restart', outcome: 'unknown', error: 'nginx did not serve within 15 s' });
});
