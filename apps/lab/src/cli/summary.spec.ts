import type { LabStatus } from '../control';
import { cookieJar, renderStatus } from './summary';

const io = { color: false, out: () => undefined, err: () => undefined, env: {}, cwd: '/' };

function status(over: Partial<LabStatus> = {}): LabStatus & { replicas: never[] } {
  return {
    driver: 'process',
    strategy: 'ip-hash',
    store: 'redis',
    session: { ttlSeconds: 60, max: 500 },
    url: 'http://127.0.0.1:8080',
    replicas: [
      { name: 'app1', state: 'running', markedDown: false, url: 'http://127.0.0.1:1', pid: 11, port: 1, stats: { sessions: null, requests_served: 4 } },
      { name: 'app2', state: 'paused', markedDown: true, url: 'http://127.0.0.1:2', pid: 12, port: 2, stats: null },
    ] as never[],
    balancer: { engine: 'nginx', version: '1.22.1', sticky: 'n/a' },
    control_url: 'http://127.0.0.1:8081',
    dashboard_url: 'http://127.0.0.1:8081/',
    pid: 10,
    started_at: '2026-11-29T00:00:00.000Z',
    ...over,
  } as LabStatus & { replicas: never[] };
}

describe('status table', () => {
  it('tells "kept in Redis" (n/a) from "did not answer" (?), and says so in a legend', () => {
    const text = renderStatus(io, status());
    expect(text).toMatch(/^ {2}app1 +running +in rotation +11 +1 +n\/a +4 /m);
    expect(text).toMatch(/^ {2}app2 +paused +marked down +12 +2 +\? +\? /m);
    expect(text).toMatch(/SESSIONS n\/a: kept in Redis, not per replica; \?: the replica did not answer/);
    expect(text).toMatch(/balancer +nginx 1\.22\.1, running$/m);
    expect(text).toMatch(/sessions +expire after 60 s idle \(SESSION_TTL_SECONDS\); at most 500 per replica \(SESSION_MAX\)$/m);
  });

  it('explains SESSIONS for the store that runs: no word of Redis under the memory store', () => {
    const text = renderStatus(io, status({ store: 'memory' }));
    expect(text).toMatch(/SESSIONS: held in that replica's memory, lost with its process; \?: the replica did not answer\./);
    expect(text).not.toMatch(/Redis/);
  });

  it('shows a replica HAProxy\'s health check took out as "check down", not "in rotation"', () => {
    const base = status({ balancer: { engine: 'haproxy', version: '2.6.12', sticky: 'n/a', state: 'running' } });
    const replicas = [
      { name: 'app1', state: 'stopped', markedDown: false, url: 'http://127.0.0.1:1', port: 1, health: 'down', stats: null },
      { name: 'app3', state: 'running', markedDown: false, url: 'http://127.0.0.1:3', pid: 13, port: 3, health: 'up', stats: { sessions: 1, requests_served: 2 } },
    ] as never[];
    const text = renderStatus(io, { ...base, replicas });
    expect(text).toMatch(/^ {2}app1 +stopped +check down /m);
    expect(text).toMatch(/^ {2}app3 +running +in rotation /m);
    expect(text).toMatch(/check down = HAProxy's health check took it out/);
  });

  it('names HAProxy, its cookie form and its pid', () => {
    const text = renderStatus(io, status({ strategy: 'sticky-cookie', balancer: { engine: 'haproxy', version: '2.6.12', sticky: 'native', state: 'running', pid: 77 } }));
    expect(text).toMatch(/balancer +haproxy 2\.6\.12, `cookie route insert indirect`, running \(pid 77\)$/m);
  });

  it('shows the balancer dead for every replica when nginx is', () => {
    const text = renderStatus(io, status({ balancer: { engine: 'nginx', version: '1.22.1', sticky: 'n/a', state: 'dead' } }));
    expect(text).toMatch(/balancer +nginx 1\.22\.1, dead \(nothing answers on the URL\)$/m);
    expect(text).toMatch(/^ {2}app1 +running +nginx dead /m);
    expect(text).toMatch(/^ {2}app2 +paused +nginx dead /m);
  });
});

describe('the walk-through cookie jar', () => {
  it('lives in the lab state directory: .lab/cart.jar by default, under LAB_STATE_DIR when set', () => {
    expect(cookieJar({ env: {}, cwd: '/repo' })).toBe('.lab/cart.jar');
    expect(cookieJar({ env: { LAB_STATE_DIR: '/tmp/lab-7' }, cwd: '/repo' })).toBe('/tmp/lab-7/cart.jar');
  });
});
