import { createServer } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FaultEntry, HistoryEntry } from '../client/history';
import { waitFor } from '../util/wait';
import { LiveTimeline, Ring, sendTimeline } from './activity';

// The live timeline's bookkeeping: the rings' bounds, the window, and what
// the dashboard serves from them. The browser suite (test/ui) draws it for real.
function request(client: string, servedBy: string | undefined, at: number, over: Partial<HistoryEntry> = {}): HistoryEntry {
  return { client, op: 'getCart', method: 'GET', path: '/cart', servedBy, outcome: servedBy ? 'ok' : 'fail', startedAt: at, endedAt: at + 5, ...over };
}

function fault(kind: FaultEntry['fault'], target: string, at: number): FaultEntry {
  return { type: 'fault', fault: kind, target, outcome: 'ok', startedAt: at, endedAt: at + 10 };
}

describe('Ring', () => {
  it('keeps the newest items, oldest first, and counts what it dropped', () => {
    const ring = new Ring<number>(3);
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.values()).toEqual([5, 6, 7]);
    expect(ring.size).toBe(3);
    expect(ring.dropped).toBe(4);
  });

  it('is in insertion order before it is full', () => {
    const ring = new Ring<string>(4);
    ring.push('a');
    ring.push('b');
    expect(ring.values()).toEqual(['a', 'b']);
    expect(ring.dropped).toBe(0);
  });

  it('refuses a capacity that bounds nothing', () => {
    expect(() => new Ring(0)).toThrow(RangeError);
    expect(() => new Ring(Infinity)).toThrow(RangeError);
  });
});

describe('LiveTimeline', () => {
  it('stays bounded under a flood of requests and keeps the faults', () => {
    const live = new LiveTimeline({ maxRequests: 100, maxFaults: 10, now: () => 1_000_000 });
    live.record(fault('kill', 'app2', 999_000));
    for (let i = 0; i < 10_000; i++) live.record(request(`c${i % 12}`, `app${(i % 3) + 1}`, 999_000 + i / 100));
    expect(live.stats()).toEqual({ requests: 100, faults: 1, dropped: 9_900 });
    expect(live.timeline().faults).toEqual([[expect.any(Number), expect.any(Number), 'kill', 'app2', 'ok']]);
  });

  it('stays bounded under a flood of faults and keeps the requests', () => {
    const live = new LiveTimeline({ maxRequests: 100, maxFaults: 10, now: () => 1_000_000 });
    live.record(request('c1', 'app1', 999_000));
    for (let i = 0; i < 5_000; i++) live.record(fault(i % 2 ? 'drain' : 'undrain', 'app1', 999_000 + i / 10));
    expect(live.stats()).toEqual({ requests: 1, faults: 10, dropped: 4_990 });
    const t = live.timeline();
    expect(t.faults).toHaveLength(10);
    expect(t.clients.map(([name]) => name)).toEqual(['c1']);
  });

  it('draws only what ended inside the window', () => {
    let now = 10_000;
    const live = new LiveTimeline({ windowMs: 1_000, now: () => now });
    live.record(request('old', 'app1', 8_000));
    live.record(fault('kill', 'app1', 8_100));
    live.record(request('new', 'app2', 9_500));
    expect(live.timeline().clients.map(([name]) => name)).toEqual(['new']);
    expect(live.timeline().faults).toEqual([]);
    now = 20_000;
    expect(live.timeline().clients).toEqual([]);
  });

  it('keeps a copy with a short error, so the caller may trim its own history', () => {
    const live = new LiveTimeline({ now: () => 1_000 });
    const entry = request('c1', undefined, 900, { error: 'x'.repeat(100_000) });
    live.record(entry);
    entry.client = 'changed';
    const [kept] = live.operations() as HistoryEntry[];
    expect(kept.client).toBe('c1');
    expect(kept.error).toHaveLength(200);
  });

  it('shows a client moving: its spans change replica after the kill, and a failure is marked', () => {
    const live = new LiveTimeline({ now: () => 2_000 });
    live.record(request('c1', 'app2', 1_000));
    live.record(request('c1', 'app2', 1_100));
    live.record(fault('kill', 'app2', 1_150));
    live.record(request('c1', undefined, 1_200));
    live.record(request('c1', 'app3', 1_300));
    const t = live.timeline();
    const [[, spans]] = t.clients;
    expect(spans.map(([, , r, mark, n]) => [r >= 0 ? t.replicas[r] : null, mark, n])).toEqual([
      ['app2', 'ok', 2],
      [null, 'fail', 1],
      ['app3', 'ok', 1],
    ]);
    expect(t.faults.map(([start, , kind, target]) => [start, kind, target])).toEqual([[150, 'kill', 'app2']]);
  });
});

describe('GET /dash/timeline', () => {
  async function fetchFrom(live: LiveTimeline): Promise<Response> {
    const server = createServer((_req, res) => sendTimeline(res, live));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      return await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/dash/timeline`);
    } finally {
      server.close();
    }
  }

  it('draws again once something new was recorded, not for every poller', () => {
    let now = 5_000;
    const live = new LiveTimeline({ now: () => now });
    live.record(request('c1', 'app1', 4_000));
    const first = live.drawing();
    expect(live.drawing()).toBe(first);
    live.record(fault('kill', 'app1', 4_500));
    expect(live.drawing()).toContain('kill app1');
    now = 1_000_000; // everything left the window
    expect(live.drawing()).toMatch(/Nothing recorded yet/);
  });

  it('says when nothing was recorded yet', async () => {
    const res = await fetchFrom(new LiveTimeline());
    expect(await res.text()).toMatch(/Nothing recorded yet/);
  });

  it('serves the report drawing as inert markup under a CSP of its own, names escaped', async () => {
    const live = new LiveTimeline({ now: () => 2_000 });
    live.record(request('<script>', 'app1', 1_000));
    live.record(fault('kill', 'app1', 1_100));
    const res = await fetchFrom(live);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get('x-timeline-version')).toBe('2');
    expect(html).toContain('<svg class="timeline"');
    expect(html).toContain('>kill app1</text>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
  });

  it('costs nothing for a poller that hangs up before its answer', async () => {
    const live = new LiveTimeline({ now: () => 2_000 });
    for (let i = 0; i < 500; i++) live.record(request(`c${i % 12}`, `app${(i % 3) + 1}`, 1_000 + i));
    const server = createServer((_req, res) => sendTimeline(res, live));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      for (let i = 0; i < 20; i++) {
        const socket = connect(port, '127.0.0.1', () => socket.end('GET /dash/timeline HTTP/1.1\r\nHost: x\r\n\r\n', () => socket.destroy()));
      }
      const connections = () => new Promise<number>((r) => server.getConnections((_e, n) => r(n)));
      await waitFor('every hung-up poller gone', async () => (await connections()) === 0, { timeoutMs: 5_000 });
      const res = await fetch(`http://127.0.0.1:${port}/dash/timeline`, { headers: { connection: 'close' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<svg class="timeline"');
    } finally {
      server.close();
    }
  });
});
