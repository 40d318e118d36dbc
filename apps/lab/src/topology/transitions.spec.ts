import {
  allowedActions, allowedBalancerActions, allowedRedisActions, balancerActionRefusal, drainRefusal, isBalancerAction, redisActionRefusal, replicaActionRefusal,
} from './transitions';

describe('the one transition table', () => {
  const fleet = [{ name: 'app1', markedDown: false }, { name: 'app2', markedDown: false }];

  it('allows per replica state exactly what the API accepts', () => {
    expect(allowedActions({ name: 'app1', state: 'running', markedDown: false }, fleet)).toEqual(['stop', 'kill', 'pause', 'mark-down', 'drain']);
    expect(allowedActions({ name: 'app1', state: 'paused', markedDown: true }, fleet)).toEqual(['stop', 'kill', 'resume', 'mark-up']);
    expect(allowedActions({ name: 'app1', state: 'running', markedDown: false, draining: true }, fleet)).toEqual(['stop', 'kill', 'pause', 'mark-down', 'undrain']);
    expect(allowedActions({ name: 'app1', state: 'killed', markedDown: false }, fleet)).toEqual(['start', 'mark-down']);
    expect(allowedActions({ name: 'app1', state: 'starting', markedDown: false }, fleet)).toEqual(['stop', 'kill', 'mark-down']);
  });

  it('keeps mark-down and drain apart: each refuses with its own inverse', () => {
    const app2 = { name: 'app2', state: 'running', markedDown: false } as const;
    expect(replicaActionRefusal('mark-up', app2, fleet)).toBe('app2 is not marked down; nothing to mark up');
    expect(replicaActionRefusal('undrain', app2, fleet)).toBe('app2 is not draining; nothing to undrain');
    expect(replicaActionRefusal('mark-down', { ...app2, markedDown: true }, fleet)).toBe('app2 is already marked down (it gets no traffic)');
    expect(replicaActionRefusal('drain', { ...app2, draining: true }, fleet)).toBe('app2 is already draining');
    expect(replicaActionRefusal('drain', { ...app2, markedDown: true }, fleet)).toMatch(/it is marked down .*mark-up app2$/);
  });

  it('refuses a drain that would leave no replica for new clients, and one of a replica that does not serve', () => {
    const app1 = { name: 'app1', state: 'running', markedDown: false } as const;
    expect(drainRefusal(app1, [app1, { name: 'app2', markedDown: true }])).toBe('cannot drain app1: no other replica would take new clients');
    expect(drainRefusal(app1, [app1, { name: 'app2', markedDown: false, draining: true }])).toMatch(/no other replica/);
    expect(drainRefusal({ ...app1, state: 'paused' }, fleet)).toBe('cannot drain app1: it is paused (resume it first; no traffic at all instead: mark-down app1)');
  });

  it('words a refusal with the way out', () => {
    expect(replicaActionRefusal('kill', { name: 'app2', state: 'killed', markedDown: false }, fleet)).toBe('app2 is already killed');
    expect(replicaActionRefusal('resume', { name: 'app2', state: 'stopped', markedDown: false }, fleet)).toBe('cannot resume app2: it is stopped (start it first)');
  });

  it('allows Redis actions by its state', () => {
    expect(allowedRedisActions('running')).toEqual(['pause', 'restart', 'kill']);
    expect(allowedRedisActions('paused')).toEqual(['resume', 'restart']);
    expect(allowedRedisActions('stopped')).toEqual(['restart']);
    expect(redisActionRefusal('resume', 'running')).toBe('cannot resume redis: it is running');
  });

  it('allows a dead balancer only a restart', () => {
    expect(allowedBalancerActions('haproxy', 'running')).toEqual(['restart', 'reload']);
    expect(allowedBalancerActions('nginx', 'dead')).toEqual(['restart']);
    expect(balancerActionRefusal('reload', 'haproxy', 'dead')).toBe('cannot reload haproxy: it is dead (restart it instead)');
    expect(['restart', 'reload', 'stop', '', 'restart;'].map(isBalancerAction)).toEqual([true, true, false, false, false]);
  });
});
