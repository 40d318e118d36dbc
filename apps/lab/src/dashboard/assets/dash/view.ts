// What the dashboard shows, computed from the polled state alone: no DOM, so
// a unit spec reads it. Served as source text (libs/page.ts): no imports of functions.
import type { Balancer, CardView, Redis, Replica, State, Tile, TileView } from './types';

/** `buttons`: the card's actions; a button is enabled only for an action the server lists for the replica now. */
export function cardView(r: Replica, busy: boolean, buttons: readonly string[]): CardView {
  const s = r.stats;
  const rot = r.rotation;
  const disabled: Record<string, boolean> = {};
  for (const action of buttons) disabled[action] = busy || !r.actions.includes(action);
  return {
    state: busy ? `${r.state} · working…` : r.state,
    stateClass: `state ${r.state}`,
    rotation: { text: rot.word, className: `state rotation ${rot.kind === 'in rotation' ? 'in' : rot.kind === 'dead' ? 'dead' : 'out'}`, title: `${rot.word}: ${rot.meaning}` },
    note: rot.note,
    out: r.state !== 'running' || rot.kind !== 'in rotation',
    busy,
    values: {
      sessions: !s ? '—' : s.sessions === null ? 'in Redis' : String(s.sessions),
      requests: s ? String(s.requests_served) : '—',
      memory: s ? `${(s.rss_bytes / 1048576).toFixed(0)} MiB` : '—',
      uptime: s ? `${Math.round(s.uptime_s)} s` : r.state === 'running' ? 'not answering' : '—',
    },
    disabled,
  };
}

export function tileView(t: Tile): TileView {
  const what = t.lost ? 'cart lost' : t.lastError ? 'request failed' : `${t.items} item${t.items === 1 ? '' : 's'} in cart`;
  const history = [t.lostCount ? `lost ${t.lostCount}×` : '', t.failed ? `${t.failed} failed` : ''].filter(Boolean).join(' · ');
  const className = `tile${t.lost ? ' lost' : t.replica ? '' : ' waiting'}${t.lastError && !t.lost ? ' failing' : ''}`;
  return { what, history, className };
}

export function storeLine(state: Pick<State, 'store' | 'redis'>): string {
  const { redis } = state;
  return redis ? `${state.store} (Redis ${redis.state}${redis.persistence === 'aof' ? ', AOF' : ''})` : state.store;
}

/** What Restart and Kill do to this store, said on their buttons. */
export function redisButtonLabels(redis: Pick<Redis, 'persistence' | 'sentinel'>): { restart: string; kill: string } {
  return {
    restart: redis.persistence === 'aof' ? 'Restart Redis (AOF keeps every session)' : 'Restart Redis (loses every session)',
    kill: redis.sentinel ? 'Kill the Redis primary (Sentinel promotes a replica)' : 'Kill Redis (down until Restart)',
  };
}

export function balancerLine(strategy: string, b: Balancer): string {
  const sticky = strategy === 'sticky-cookie' && b.sticky ? `, ${b.sticky} sticky` : '';
  return `${b.engine} ${b.version}${sticky}, ${b.state ?? 'running'}`;
}

export function redisStateClass(redis: Redis): string {
  return `state ${redis.state === 'running' ? 'running' : redis.state === 'paused' ? 'paused' : 'stopped'}`;
}

/** Start the simulated clients once, when the lab has none and says nothing about why. */
export function shouldStartClients(state: Pick<State, 'clients'>, startAsked: boolean): boolean {
  const c = state.clients;
  return !startAsked && !c.running && c.tiles.length === 0 && c.note === null;
}
