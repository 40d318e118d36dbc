// The core's own rules with a recording driver: ordering and serialisation
// are the core's logic, whatever runs the replicas (the contract suite checks
// the same promises against real drivers).
import { RecordingDriver } from '../../../../test/support/recording-driver';
import { checkBalancerStrategy, checkSessionLimits } from './core';
import { TopologyError } from './errors';

const begins = (calls: string[]) => calls.filter((c) => c.endsWith(':begin')).map((c) => c.replace(':begin', ''));

describe('TopologyCore', () => {
  it('takes a replica out of the balancer before it stops it', async () => {
    const t = new RecordingDriver();
    await t.boot(3);
    t.calls.length = 0;
    await t.removeReplica('app2');
    expect(begins(t.calls)).toEqual(['balancer app1,app3', 'retire app2 stop']);
  });

  it('an add is done only once the balancer routes to the new replica', async () => {
    const t = new RecordingDriver();
    await t.boot(1);
    t.calls.length = 0;
    expect(await t.addReplica()).toBe('app2');
    expect(begins(t.calls)).toEqual(['create app2', 'balancer app1,app2', 'routed app2']);
  });

  it('runs concurrent changes one at a time, in call order', async () => {
    const t = new RecordingDriver();
    await t.boot(2);
    t.maxActive = 0;
    t.calls.length = 0;
    await Promise.all([t.stop('app1'), t.markDown('app2', true), t.start('app1'), t.addReplica()]);
    expect(t.maxActive).toBe(1);
    expect(begins(t.calls)).toEqual([
      'stop app1', 'balancer app1,app2(down)', 'start app1', 'create app3', 'balancer app1,app2(down),app3', 'routed app3',
    ]);
  });

  it('a failed balancer change leaves the replica list and drain marks as they were', async () => {
    const t = new RecordingDriver();
    await t.boot(2);
    t.failBalancer = true;
    await expect(t.removeReplica('app2')).rejects.toThrow('nginx -t failed');
    await expect(t.markDown('app1', true)).rejects.toThrow('nginx -t failed');
    await expect(t.addReplica()).rejects.toThrow('nginx -t failed');
    const s = await t.status();
    expect(s.replicas.map((r) => [r.name, r.markedDown])).toEqual([['app1', false], ['app2', false]]);
    expect(t.calls).toContain('retire app3 discard:begin');
  });

  it('down waits for the queue, runs teardown once, and refuses later changes', async () => {
    const t = new RecordingDriver();
    await t.boot(1);
    const pending = t.pause('app1');
    await Promise.all([t.down(), t.down()]);
    await expect(pending).resolves.toBeUndefined();
    expect(t.calls.filter((c) => c === 'teardown')).toHaveLength(1);
    await expect(t.resume('app1')).rejects.toThrow('topology is down');
  });

  it('a balancer restart or reload waits its turn in the one queue', async () => {
    const t = new RecordingDriver();
    await t.boot(1);
    expect(t.balancer).toBe('nginx');
    await Promise.all([t.pause('app1'), t.restartBalancer(), t.reloadBalancer()]);
    expect(t.maxActive).toBe(1);
    expect(t.calls.slice(-6)).toEqual([
      'pause app1:begin', 'pause app1:end', 'balancer restart:begin', 'balancer restart:end', 'balancer reload:begin', 'balancer reload:end',
    ]);
  });

  it('drain goes through the one queue, shows in status, and is refused where it cannot mean anything', async () => {
    const t = new RecordingDriver();
    await t.boot(3);
    t.calls.length = 0;
    await Promise.all([t.drain('app2', true), t.stop('app1')]);
    expect(begins(t.calls)).toEqual(['balancer app1,app2(drain),app3', 'stop app1']);
    expect((await t.status()).replicas.map((r) => [r.name, r.draining])).toEqual([['app1', false], ['app2', true], ['app3', false]]);
    await expect(t.drain('app9', true)).rejects.toMatchObject({ kind: 'unknown-replica' });
    await expect(t.drain('app1', true)).rejects.toThrow('cannot drain app1: it is stopped');
    // app1 stopped still takes new clients once started; marked down it does not, and then nobody would.
    await t.markDown('app1', true);
    await expect(t.drain('app3', true)).rejects.toThrow('no other replica would take new clients');
    // Undrain is always allowed, whatever the replica is doing.
    await t.drain('app2', false);
    expect((await t.status()).replicas.every((r) => !r.draining)).toBe(true);
  });

  it('a failed drain leaves the mark as it was; removing a replica forgets its drain', async () => {
    const t = new RecordingDriver();
    await t.boot(3);
    t.failBalancer = true;
    await expect(t.drain('app2', true)).rejects.toThrow('nginx -t failed');
    expect((await t.status()).replicas.find((r) => r.name === 'app2')!.draining).toBe(false);
    t.failBalancer = false;
    await t.drain('app3', true);
    await t.removeReplica('app3');
    await t.addReplica();
    expect((await t.status()).replicas.find((r) => r.name === 'app3')!.draining).toBe(false);
  });
});

describe('checkBalancerStrategy', () => {
  it('lets each engine run its strategies, nginx the common five, HAProxy all seven', () => {
    expect(checkBalancerStrategy(undefined, 'ip-hash')).toBe('nginx');
    expect(checkBalancerStrategy('haproxy', 'stick-table')).toBe('haproxy');
    expect(checkBalancerStrategy('haproxy', 'url-hash')).toBe('haproxy');
  });

  it('refuses a HAProxy-only strategy on nginx, and an unknown engine, as invalid-argument', () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err;
      }
      throw new Error('not refused');
    };
    const err = refusal(() => checkBalancerStrategy('nginx', 'bounded-load')) as TopologyError;
    expect(err).toBeInstanceOf(TopologyError);
    expect(err.kind).toBe('invalid-argument');
    expect(err.message).toBe(
      'nginx cannot run strategy "bounded-load" (bounded-load runs on haproxy: add --balancer haproxy); it runs round-robin, ip-hash, consistent-hash, sticky-cookie, url-hash',
    );
    expect(refusal(() => checkBalancerStrategy('traefik' as never, 'ip-hash'))).toMatchObject({ kind: 'invalid-argument', message: 'unknown balancer "traefik": use nginx or haproxy' });
    expect(refusal(() => checkBalancerStrategy('haproxy', 'random' as never))).toMatchObject({ kind: 'invalid-argument' });
  });
});

describe('checkSessionLimits', () => {
  it('gives every replica the cart-api defaults, or the asked-for limits (an option wins over env)', () => {
    expect(checkSessionLimits({})).toEqual({ ttlSeconds: 1800, max: 100_000 });
    expect(checkSessionLimits({ sessionTtlSeconds: 60, sessionMax: 5 })).toEqual({ ttlSeconds: 60, max: 5 });
    expect(checkSessionLimits({ sessionMax: 7, env: { SESSION_TTL_SECONDS: '30', SESSION_MAX: '9' } })).toEqual({ ttlSeconds: 30, max: 7 });
  });

  it.each([
    [{ sessionTtlSeconds: 0 }, /session TTL \(SESSION_TTL_SECONDS\) must be a whole number from 1 to 2592000, got 0/],
    [{ sessionTtlSeconds: 1.5 }, /SESSION_TTL_SECONDS\) must be a whole number/],
    [{ sessionMax: 10_000_001 }, /session max \(SESSION_MAX\) must be a whole number from 1 to 10000000/],
    [{ env: { SESSION_MAX: '1e3' } }, /SESSION_MAX\) must be a whole number .* got 1e3/],
  ])('refuses %j before anything starts', (o, message) => {
    expect(() => checkSessionLimits(o)).toThrow(message);
  });
});
