// The dashboard's pure pieces: what a replica card and a client tile show for
// a given /dash/state. The page that draws them runs in Chromium in test/ui.
import { REPLICA_ACTIONS } from '../../../topology/transitions';
import { describeRotation } from '../../../topology/rotation';
import type { BalancerEngine, BalancerState, ReplicaInfo } from '../../../topology/topology';
import type { Replica, Tile } from './types';
import { balancerLine, cardView, redisButtonLabels, shouldStartClients, storeLine, tileView } from './view';

const replica = (over: Partial<Replica> = {}): Replica => ({
  name: 'app1',
  state: 'running',
  markedDown: false,
  draining: false,
  url: 'http://127.88.1.1:3000',
  stats: { sessions: 3, requests_served: 12, rss_bytes: 64 * 1048576, uptime_s: 9.6 },
  actions: ['stop', 'kill', 'pause', 'mark-down', 'drain'],
  rotation: { kind: 'in rotation', word: 'in rotation', meaning: 'gets its share of traffic', note: null },
  ...over,
});

type Placed = Pick<ReplicaInfo, 'state' | 'markedDown' | 'draining' | 'health'>;

/** A replica whose badge the server's own wording (topology/rotation) filled in, as /dash/state sends it. */
function behind(engine: BalancerEngine, over: Partial<Placed> = {}, state: BalancerState = 'running'): Replica {
  const placed: Placed = { state: 'running', markedDown: false, ...over };
  return replica({ ...placed, rotation: describeRotation(placed, { engine, state }) });
}

describe('a replica card', () => {
  it('enables exactly the actions the server lists, and none while a change is in flight', () => {
    const v = cardView(replica(), false, REPLICA_ACTIONS);
    expect(REPLICA_ACTIONS.filter((a) => !v.disabled[a])).toEqual(['stop', 'kill', 'pause', 'mark-down', 'drain']);
    const busy = cardView(replica(), true, REPLICA_ACTIONS);
    expect(Object.values(busy.disabled).every(Boolean)).toBe(true);
    expect(busy.state).toBe('running · working…');
  });

  it('wears the balancer badge in lab status\'s words; marked down, draining and check down are out of new traffic', () => {
    const badge = (r: Replica) => {
      const v = cardView(r, false, REPLICA_ACTIONS);
      return [v.rotation.text, v.rotation.className, v.out];
    };
    expect(badge(behind('nginx'))).toEqual(['in rotation', 'state rotation in', false]);
    expect(badge(behind('haproxy', { markedDown: true, health: 'down' }))).toEqual(['marked down', 'state rotation out', true]);
    expect(badge(behind('nginx', { draining: true }))).toEqual(['draining', 'state rotation out', true]);
    expect(badge(behind('haproxy', { state: 'killed', health: 'down' }))).toEqual(['check down', 'state rotation out', true]);
    expect(badge(behind('haproxy', {}, 'dead'))).toEqual(['haproxy dead', 'state rotation dead', true]);
    expect(cardView(behind('nginx', { markedDown: true }), false, []).rotation.title).toBe('marked down: no traffic at all, nginx `server … down`, HAProxy `disabled`');
  });

  it('says nothing of health under nginx, only that it keeps a killed replica in rotation and fails over', () => {
    const nginx = cardView(behind('nginx', { state: 'killed' }), false, []);
    expect([nginx.rotation.text, nginx.note, nginx.out]).toEqual(['in rotation', 'nginx has no active health check: it keeps trying this replica and fails over to another', true]);
    expect(cardView(behind('nginx', { state: 'paused' }), false, []).note).toMatch(/^nginx has no active health check: a request to it waits out the read timeout/);
    expect(cardView(behind('haproxy', { state: 'killed', health: 'up' }), false, []).note).toBe("HAProxy's health check has not taken it out yet");
    expect(cardView(behind('haproxy', { health: 'down' }), false, []).note).toBe("HAProxy's health check has not let it back in yet");
    expect(cardView(behind('nginx'), false, []).note).toBeNull();
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
    expect(storeLine({ store: 'redis', redis: { url: '', state: 'paused', persistence: 'aof', actions: [], ha_lines: [], sentinel: false } })).toBe('redis (Redis paused, AOF)');
  });

  it('says on Restart and Kill what they do to this store: one Redis stays down, Sentinel promotes a replica', () => {
    expect(redisButtonLabels({ sentinel: false })).toEqual({ restart: 'Restart Redis (loses every session)', kill: 'Kill Redis (down until Restart)' });
    expect(redisButtonLabels({ persistence: 'aof', sentinel: true })).toEqual({ restart: 'Restart Redis (AOF keeps every session)', kill: 'Kill the Redis primary (Sentinel promotes a replica)' });
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
