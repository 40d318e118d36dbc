// What the dashboard's buttons post, and how a change the lab refuses is
// said. `fetch` is the only thing stood in for; the real control API answers
// these requests in test/ui.
import { REPLICA_ACTIONS } from '../../../topology/transitions';
import { replicaButtons, runChange, scaleOutBody } from './actions';
import type { Dash } from './types';

describe('the replica buttons', () => {
  it('offer every action the control API takes, each posting to its own name', () => {
    const buttons = replicaButtons('app2');
    expect(buttons.map((b) => b.action)).toEqual([...REPLICA_ACTIONS]);
    expect(buttons.find((b) => b.action === 'mark-down')).toEqual({ action: 'mark-down', label: 'Mark down', path: '/api/replicas/app2/mark-down', className: 'secondary', ariaLabel: 'Mark down app2' });
    expect(buttons.find((b) => b.action === 'drain')).toMatchObject({ label: 'Drain', path: '/api/replicas/app2/drain' });
    expect(buttons.filter((b) => b.className === 'danger').map((b) => b.action)).toEqual(['kill']);
  });

  it('escape the replica name in the path', () => {
    expect(replicaButtons('a/b?c')[0].path).toBe('/api/replicas/a%2Fb%3Fc/stop');
  });

  it('scale out by one from what the state shows', () => {
    expect(scaleOutBody({ replicas: [{}, {}, {}] as never[] })).toEqual({ replicas: 4 });
  });
});

describe('a change', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  function specDash() {
    const said: [string, string][] = [];
    const seen: { busy: boolean[]; refreshed: number } = { busy: [], refreshed: 0 };
    const dash = {
      dom: { say: (kind: string, text: string) => void said.push([kind, text]) },
      busy: new Set<string>(),
      render: () => void seen.busy.push(dash.busy.has('app1')),
      refresh: async () => void seen.refreshed++,
    } as unknown as Dash;
    return { dash, said, seen };
  }

  it('posts JSON, is busy while in flight, says the lab\'s answer and reads the state again', async () => {
    const posted: [string, RequestInit][] = [];
    global.fetch = (async (path: string, init: RequestInit) => {
      posted.push([path, init]);
      return new Response(JSON.stringify({ ok: true, message: 'app1 draining: …' }), { status: 200 });
    }) as typeof fetch;
    const { dash, said, seen } = specDash();
    await runChange(dash, 'app1', 'Drain app1', '/api/replicas/app1/drain');
    expect(posted).toEqual([['/api/replicas/app1/drain', expect.objectContaining({ method: 'POST', body: '{}' })]]);
    expect(said).toEqual([['info', 'Drain app1…'], ['info', 'Done: app1 draining: ….']]);
    expect([seen.busy, dash.busy.size, seen.refreshed]).toEqual([[true], 0, 1]);
  });

  it('says a refusal with the lab\'s own words, or the status when the body is not JSON', async () => {
    global.fetch = (async () => new Response(JSON.stringify({ statusCode: 409, error: 'conflict', message: 'app1 is already marked down (it gets no traffic)' }), { status: 409 })) as typeof fetch;
    const { dash, said, seen } = specDash();
    await runChange(dash, 'app1', 'Mark down app1', '/api/replicas/app1/mark-down');
    expect(said.at(-1)).toEqual(['error', 'Mark down app1 failed: app1 is already marked down (it gets no traffic)']);
    global.fetch = (async () => new Response('<html>bad gateway</html>', { status: 502 })) as typeof fetch;
    await runChange(dash, 'app1', 'Stop app1', '/api/replicas/app1/stop');
    expect(said.at(-1)).toEqual(['error', 'Stop app1 failed: HTTP 502']);
    expect([dash.busy.size, seen.refreshed]).toEqual([0, 2]);
  });
});
