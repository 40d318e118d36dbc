import {
  allowedActions, allowedBalancerActions, allowedRedisActions, balancerActionRefusal, isBalancerAction, redisActionRefusal, replicaActionRefusal,
} from './transitions';

describe('the one transition table', () => {
  it('allows per replica state exactly what the API accepts', () => {
    expect(allowedActions({ name: 'app1', state: 'running', drained: false })).toEqual(['stop', 'kill', 'pause', 'drain']);
    expect(allowedActions({ name: 'app1', state: 'paused', drained: true })).toEqual(['stop', 'kill', 'resume', 'undrain']);
    expect(allowedActions({ name: 'app1', state: 'killed', drained: false })).toEqual(['start', 'drain']);
    expect(allowedActions({ name: 'app1', state: 'starting', drained: false })).toEqual(['stop', 'kill', 'drain']);
  });

  it('words a refusal with the way out', () => {
    expect(replicaActionRefusal('kill', { name: 'app2', state: 'killed', drained: false })).toBe('app2 is already killed');
    expect(replicaActionRefusal('resume', { name: 'app2', state: 'stopped', drained: false })).toBe('cannot resume app2: it is stopped (start it first)');
    expect(replicaActionRefusal('undrain', { name: 'app2', state: 'running', drained: false })).toMatch(/not drained/);
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
