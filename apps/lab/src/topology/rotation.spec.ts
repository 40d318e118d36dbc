import { rotationLegend, rotationOf } from './rotation';

describe('how the balancer treats a replica', () => {
  const running = { state: 'running', markedDown: false } as const;

  it('puts what the lab asked before what the health check found, and a dead balancer before both', () => {
    expect(rotationOf({ ...running, markedDown: true, draining: true, health: 'down' }, { state: 'running' })).toBe('marked down');
    expect(rotationOf({ ...running, draining: true, health: 'down' }, { state: 'running' })).toBe('draining');
    expect(rotationOf({ ...running, health: 'down' }, { state: 'running' })).toBe('check down');
    expect(rotationOf({ ...running, markedDown: true }, { state: 'dead' })).toBe('dead');
    // nginx reads no health: a stopped replica stays in rotation.
    expect(rotationOf({ ...running, state: 'stopped' }, { state: 'running' })).toBe('in rotation');
  });

  it('explains every word in the legend status prints (docs/cli.md quotes it)', () => {
    expect(rotationLegend()).toBe(
      "BALANCER: how the balancer treats its server line (in rotation; marked down = no traffic at all, nginx `server … down`, HAProxy `disabled`, see `mark-down`; draining = bound clients only, see `drain`; check down = HAProxy's health check took it out; dead = nothing is balanced).",
    );
  });
});
