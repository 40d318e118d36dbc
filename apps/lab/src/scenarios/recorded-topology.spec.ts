// The wrapper the control server puts around the lab: faults recorded, the
// rest of the topology untouched. On the real topology core with a driver
// that only records (the contract the core keeps); real faults run in
// test/ui and test/lab.
import { RecordingDriver } from '../../../../test/support/recording-driver';
import { History } from '../client/history';
import type { RedisOp } from '../topology/core';
import type { RedisState } from '../vocabulary';
import { recordFaults } from './recorded-topology';

const begins = (calls: string[]) => calls.filter((c) => c.endsWith(':begin')).map((c) => c.replace(':begin', ''));

/** The recording driver with a Redis, for the store faults. */
class WithRedis extends RecordingDriver {
  redis: RedisState = 'running';
  protected async redisOp(op: RedisOp) {
    this.calls.push(`redis ${op}`);
    this.redis = ({ pause: 'paused', resume: 'running', kill: 'stopped', restart: 'running' } as const)[op];
  }
  protected redisState(): RedisState {
    return this.redis;
  }
}

async function booted(): Promise<RecordingDriver> {
  const t = new RecordingDriver({ balancer: 'haproxy' });
  await t.boot(3);
  t.calls.length = 0;
  return t;
}

it('records each fault once, with what the topology returned, and passes the rest through', async () => {
  const history = new History();
  const raw = await booted();
  const topo = recordFaults(raw, history);
  await topo.kill('app2');
  expect(await topo.addReplica()).toBe('app4');
  // The core's scale adds through its own queue: recorded once, as the scale.
  await topo.scale(5);
  expect((await topo.status()).replicas.map((r) => [r.name, r.state])).toEqual([
    ['app1', 'running'], ['app2', 'killed'], ['app3', 'running'], ['app4', 'running'], ['app5', 'running'],
  ]);
  expect(topo.url).toBe(raw.url);
  expect(begins(raw.calls)).toEqual([
    'kill app2',
    'create app4', 'balancer app1,app2,app3,app4', 'routed app4',
    'create app5', 'balancer app1,app2,app3,app4,app5', 'routed app5',
  ]);
  expect(history.faults().map((f) => [f.fault, f.target, f.outcome])).toEqual([
    ['kill', 'app2', 'ok'],
    ['add-replica', 'app4', 'ok'],
    ['scale', 'haproxy', 'ok'], // the balancer that runs takes the membership change
  ]);
});

it('records a balancer restart that broke as unknown and passes the error on', async () => {
  const history = new History();
  const raw = await booted();
  raw.failBalancerOps = true;
  await expect(recordFaults(raw, history).restartBalancer()).rejects.toThrow('haproxy did not serve within 15 s');
  expect(history.faults()).toMatchObject([{ fault: 'balancer-restart', target: 'haproxy', outcome: 'unknown', error: 'haproxy did not serve within 15 s' }]);
});

it('resolves with nothing where the topology does, not with the fault entry', async () => {
  expect(await recordFaults(await booted(), new History()).kill('app1')).toBeUndefined();
});

it('records every Redis fault, the kill included, as the dashboard draws them', async () => {
  const history = new History();
  const raw = new WithRedis({ store: 'redis' });
  const topo = recordFaults(raw, history);
  await topo.redisPause();
  await topo.redisResume();
  await topo.redisKill();
  await topo.redisRestart();
  expect(raw.calls).toEqual(['redis pause', 'redis resume', 'redis kill', 'redis restart']);
  expect(history.faults().map((f) => [f.fault, f.target, f.outcome])).toEqual([
    ['redis-pause', 'redis', 'ok'],
    ['redis-resume', 'redis', 'ok'],
    ['redis-kill', 'redis', 'ok'],
    ['redis-restart', 'redis', 'ok'],
  ]);
});
