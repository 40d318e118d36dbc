import { createTopology } from '.';
import { byReplicaIndex, nextReplicaName } from './names';

describe('createTopology', () => {
  const saved = process.env.LAB_DRIVER;
  afterEach(() => {
    if (saved === undefined) delete process.env.LAB_DRIVER;
    else process.env.LAB_DRIVER = saved;
  });

  it('names the variable and the choices when LAB_DRIVER is unknown', async () => {
    process.env.LAB_DRIVER = 'kubernetes';
    await expect(createTopology({ strategy: 'ip-hash', store: 'memory' })).rejects.toThrow(
      'unknown LAB_DRIVER "kubernetes": use process or compose',
    );
  });
});

describe('replica names', () => {
  it('adds after the highest current replica and sorts app10 after app2', () => {
    expect(nextReplicaName(['app1', 'app2', 'app3'])).toBe('app4');
    expect(nextReplicaName(['app1', 'app3'])).toBe('app4');
    expect(nextReplicaName([])).toBe('app1');
    expect(['app10', 'app2', 'app1'].sort(byReplicaIndex)).toEqual(['app1', 'app2', 'app10']);
  });
});

describe('startProcessTopology input checks', () => {
  it('refuses a replica count below one before starting anything', async () => {
    await expect(createTopology({ driver: 'process', strategy: 'round-robin', store: 'memory', replicas: 0 })).rejects.toThrow(
      'replicas must be a whole number ≥ 1, got 0',
    );
  });

  it('refuses a session limit cart-api would refuse at boot, before starting anything', async () => {
    await expect(createTopology({ driver: 'process', strategy: 'round-robin', store: 'memory', sessionMax: 0 })).rejects.toThrow(
      'session max (SESSION_MAX) must be a whole number from 1 to 10000000, got 0',
    );
  });
});
