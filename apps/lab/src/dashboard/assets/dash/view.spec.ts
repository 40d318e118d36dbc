// The dashboard's pure pieces: what a replica card and a client tile show for
// a given /dash/state. The page that draws them runs in Chromium in test/ui.
import { REPLICA_ACTIONS } from '../../../topology/transitions';
import type { Replica, Tile } from './types';
import { balancerLine, cardView, shouldStartClients, storeLine, tileView } from './view';

const replica = (over: Partial<Replica> = {}): Replica => ({
  name: 'app1',
  state: 'running',
  markedDown: false,
  draining: false,
  url: 'http://127.88.1.1:3000',
  stats: { sessions: 3, requests_served: 12, rss_bytes: 64 * 1048576, uptime_s: 9.6 },
  actions: ['stop', 'kill', 'pause', 'mark-down', 'drain'],
  ...over,
});

describe('a replica card', () => {
  it('enables exactly the actions the server lists, and none while a change is in flight', () => {
    const v = cardView(replica(), false, REPLICA_ACTIONS);
    expect(REPLICA_ACTIONS.filter((a) => !v.disabled[a])).toEqual(['stop', 'kill', 'pause', 'mark-down', 'drain']);
    const busy = cardView(replica(), true, REPLICA_ACTIONS);
    expect(Object.values(busy.disabled).every(Boolean)).toBe(true);
    expect(busy.state).toBe('running · working…');
  });

  it('tells a marked-down replica from a draining one; both are out of new traffic', () => {
    const down = cardView(replica({ markedDown: true }), false, REPLICA_ACTIONS);
    expect([down.markedDown, down.draining, down.out]).toEqual([true, false, true]);
    const draining = cardView(replica({ draining: true }), false, REPLICA_ACTIONS);
    expect([draining.markedDown, draining.draining, draining.out]).toEqual([false, true, true]);
    expect(cardView(replica(), false, REPLICA_ACTIONS).out).toBe(false);
  });

  it('shows the replica\'s counters, "in Redis" for sessions it does not hold, and why there are none', () => {
    expect(cardView(replica(), false, []).values).toEqual({ sessions: '3', requests: '12', memory: '64 MiB', uptime: '10 s' });
    const redis = replica({ stats: { sessions: null, requests_served: 0, rss_bytes: 0, uptime_s: 0 } });
    expect(cardView(redis, false, []).values.sessions).toBe('in Redis');
    expect(cardView(replica({ stats: null }), false, []).values).toMatchObject({ sessions: '—', uptime: 'not answering' });
    expect(cardView(replica({ stats: null, state: 'killed' }), false, []).values.uptime).toBe('—');
  });
});

describe('a client tile', () => {
  const tile = (over: Partial<Tile> = {}): Tile => ({ name: 'c1', address: '127.0.1.1', replica: 'app2', items: 1, lost: false, lostCount: 0, failed: 0, lastError: null, ...over });

  it('says a lost cart first, then a failure, else the cart size', () => {
    expect(tileView(tile())).toEqual({ what: '1 item in cart', history: '', className: 'tile' });
    expect(tileView(tile({ lost: true, lostCount: 2, failed: 1, lastError: 'HTTP 502' }))).toEqual({ what: 'cart lost', history: 'lost 2× · 1 failed', className: 'tile lost' });
    expect(tileView(tile({ items: 3, lastError: 'HTTP 502', failed: 1 }))).toEqual({ what: 'request failed', history: '1 failed', className: 'tile failing' });
    expect(tileView(tile({ replica: null, items: 0 })).className).toBe('tile waiting');
  });
});

describe('the header and the clients\' start', () => {
  it('names the store with Redis\' state, and the sticky form only under sticky-cookie', () => {
    expect(storeLine({ store: 'memory', redis: null })).toBe('memory');
    expect(storeLine({ store: 'redis', redis: { url: '', state: 'paused', persistence: 'aof', actions: [], ha_lines: [] } })).toBe('redis (Redis paused, AOF)');
    const b = { engine: 'nginx', version: '1.22.1', sticky: 'portable', actions: [] };
    expect(balancerLine('sticky-cookie', b)).toBe('nginx 1.22.1, portable sticky, running');
    expect(balancerLine('ip-hash', { ...b, state: 'dead' })).toBe('nginx 1.22.1, dead');
  });

  it('starts the clients once, only when the lab has none and no note says why', () => {
    const clients = { running: false, note: null, sameNat: false, tiles: [], counters: { cartsLost: 0, clientsMoved: 0, failedRequests: 0 } };
    expect(shouldStartClients({ clients }, false)).toBe(true);
    expect(shouldStartClients({ clients }, true)).toBe(false);
    expect(shouldStartClients({ clients: { ...clients, note: 'the lab runs without clients' } }, false)).toBe(false);
    expect(shouldStartClients({ clients: { ...clients, running: true } }, false)).toBe(false);
  });
});
