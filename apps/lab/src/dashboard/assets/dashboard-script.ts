import { Dom, pageScript } from '../../../../../libs/page';
import { TIMELINE_JS } from './timeline-script';

// The dashboard's behaviour, served inline as this function's own source text
// (Function#toString): type-checked by the build, no bundler. It runs in the
// browser, so it may use nothing from this module's scope but its parameters (libs/page.ts).
// Cards and tiles are built once and updated in place: re-creating buttons
// every second would drop keyboard focus and swallow clicks.
function dashboardPage(dom: Dom, colourOf: (name: string) => string): void {
  type Stats = { sessions: number | null; requests_served: number; rss_bytes: number; uptime_s: number };
  type Replica = { name: string; state: string; markedDown: boolean; draining?: boolean; url: string; stats: Stats | null; actions: string[] };
  type Tile = { name: string; address: string; replica: string | null; items: number; lost: boolean; lostCount: number; failed: number; lastError: string | null };
  type Clients = { running: boolean; note: string | null; sameNat: boolean; tiles: Tile[]; counters: { cartsLost: number; clientsMoved: number; failedRequests: number } };
  type State = {
    strategy: string;
    store: string;
    driver: string;
    shopUrl: string;
    explanation: string;
    balancer: { engine: string; version: string; sticky?: string; state?: string; actions: string[] };
    redis: { url: string; state: string; persistence?: string; actions: string[]; ha_lines: string[] } | null;
    replicas: Replica[];
    clients: Clients;
  };
  type Card = { root: HTMLElement; state: HTMLElement; down: HTMLElement; draining: HTMLElement; values: Record<string, HTMLElement>; buttons: Record<string, HTMLButtonElement> };

  const POLL_MS = 1000;
  const MAX_REPLICAS = 16;
  // Which buttons are enabled comes from the server (`actions` per replica and
  // for Redis): this page holds labels, not the transition table.
  const ACTIONS: Record<string, string> = { stop: 'Stop', kill: 'Kill', pause: 'Pause', resume: 'Resume', start: 'Start', 'mark-down': 'Mark down', 'mark-up': 'Mark up', drain: 'Drain', undrain: 'Undrain' };

  const { el, byId, say } = dom;
  const busy = new Set<string>();
  const cards = new Map<string, Card>();
  const tiles = new Map<string, HTMLElement>();
  let state: State | null = null;
  let connected = true;
  /** The page starts the simulated clients once, with a POST: a GET never changes the lab. */
  let startAsked = false;

  async function post(path: string, body: unknown = {}): Promise<{ message?: string }> {
    const res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const data = (await res.json().catch(() => ({}))) as { message?: string; error?: string };
    if (!res.ok) throw new Error(data.error || data.message || `HTTP ${res.status}`);
    return data;
  }

  async function act(key: string, label: string, path: string, body?: unknown): Promise<void> {
    busy.add(key);
    render();
    say('info', `${label}…`);
    try {
      const done = await post(path, body);
      say('info', done.message ? `Done: ${done.message}.` : `${label}: done.`);
    } catch (err) {
      say('error', `${label} failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      busy.delete(key);
      await refresh();
    }
  }

  function newCard(name: string): Card {
    const values: Record<string, HTMLElement> = {};
    const list = el('dl');
    for (const [key, label] of [['sessions', 'sessions held'], ['requests', 'requests served'], ['memory', 'memory (RSS)'], ['uptime', 'uptime']]) {
      values[key] = el('dd', { 'data-field': key }, '—');
      list.append(el('dt', {}, label), values[key]);
    }
    const buttons: Record<string, HTMLButtonElement> = {};
    const row = el('div', { class: 'buttons' });
    for (const [action, label] of Object.entries(ACTIONS)) {
      const b = el('button', { type: 'button', class: action === 'kill' ? 'danger' : 'secondary', 'data-action': action, 'aria-label': `${label} ${name}` }, label) as HTMLButtonElement;
      b.addEventListener('click', () => act(name, `${label} ${name}`, `/api/replicas/${encodeURIComponent(name)}/${action}`));
      buttons[action] = b;
      row.append(b);
    }
    const stateEl = el('span', { class: 'state', 'data-field': 'state' });
    const down = el('span', { class: 'state marked', 'data-field': 'marked-down' }, 'marked down in the balancer');
    const draining = el('span', { class: 'state marked', 'data-field': 'draining' }, 'draining');
    const root = el('article', { class: 'card', 'data-replica': name, 'aria-labelledby': `card-${name}` }, el('h3', { id: `card-${name}` }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), name, stateEl, down, draining), list, row);
    root.style.setProperty('--c', colourOf(name));
    return { root, state: stateEl, down, draining, values, buttons };
  }

  function renderCard(card: Card, r: Replica): void {
    card.state.textContent = busy.has(r.name) ? `${r.state} · working…` : r.state;
    card.state.className = `state ${r.state}`;
    card.down.hidden = !r.markedDown;
    card.draining.hidden = !r.draining;
    card.root.classList.toggle('down', r.state !== 'running' || r.markedDown);
    card.root.setAttribute('aria-busy', String(busy.has(r.name)));
    const s = r.stats;
    card.values.sessions.textContent = !s ? '—' : s.sessions === null ? 'in Redis' : String(s.sessions);
    card.values.requests.textContent = s ? String(s.requests_served) : '—';
    card.values.memory.textContent = s ? `${(s.rss_bytes / 1048576).toFixed(0)} MiB` : '—';
    card.values.uptime.textContent = s ? `${Math.round(s.uptime_s)} s` : r.state === 'running' ? 'not answering' : '—';
    for (const action of Object.keys(ACTIONS)) card.buttons[action].disabled = busy.has(r.name) || !r.actions.includes(action);
  }

  function renderReplicas(list: Replica[]): void {
    const box = byId('replicas');
    for (const [name, card] of cards) {
      if (!list.some((r) => r.name === name)) {
        card.root.remove();
        cards.delete(name);
      }
    }
    for (const r of list) {
      let card = cards.get(r.name);
      if (!card) {
        card = newCard(r.name);
        cards.set(r.name, card);
      }
      if (box.children[list.indexOf(r)] !== card.root) box.insertBefore(card.root, box.children[list.indexOf(r)] ?? null);
      renderCard(card, r);
    }
    (byId('add-replica') as HTMLButtonElement).disabled = busy.has('scale') || list.length >= MAX_REPLICAS;
  }

  function renderTile(t: Tile): void {
    let li = tiles.get(t.name);
    if (!li) {
      li = el('li', { class: 'tile', 'data-client': t.name });
      tiles.set(t.name, li);
    }
    const what = t.lost ? 'cart lost' : t.lastError ? 'request failed' : `${t.items} item${t.items === 1 ? '' : 's'} in cart`;
    const history = [t.lostCount ? `lost ${t.lostCount}×` : '', t.failed ? `${t.failed} failed` : ''].filter(Boolean).join(' · ');
    li.replaceChildren(
      el('div', { class: 'who' }, el('span', {}, t.name), el('span', { 'data-field': 'replica' }, t.replica ?? '…')),
      el('div', { class: 'addr', 'data-field': 'address' }, t.address),
      el('div', { class: 'what', 'data-field': 'what' }, what),
      el('div', { class: 'addr' }, history || '\u00a0'),
    );
    li.className = `tile${t.lost ? ' lost' : t.replica ? '' : ' waiting'}${t.lastError && !t.lost ? ' failing' : ''}`;
    if (t.replica) li.style.setProperty('--c', colourOf(t.replica));
    li.title = t.lastError ?? '';
  }

  function renderClients(c: Clients): void {
    const box = byId('clients');
    c.tiles.forEach(renderTile);
    const wanted = c.tiles.map((t) => tiles.get(t.name) as HTMLElement);
    for (const [name, li] of tiles) {
      if (c.tiles.some((t) => t.name === name)) continue;
      li.remove();
      tiles.delete(name);
    }
    if (wanted.some((li, i) => box.children[i] !== li)) box.replaceChildren(...wanted);
    byId('carts-lost').textContent = String(c.counters.cartsLost);
    byId('carts-lost').classList.toggle('bad', c.counters.cartsLost > 0);
    byId('clients-moved').textContent = String(c.counters.clientsMoved);
    byId('failed-requests').textContent = String(c.counters.failedRequests);
    byId('failed-requests').classList.toggle('bad', c.counters.failedRequests > 0);
    const nat = byId('same-nat') as HTMLInputElement;
    if (!busy.has('clients')) nat.checked = c.sameNat;
    byId('pause-clients').textContent = c.running ? 'Pause clients' : 'Resume clients';
    const note = byId('clients-note');
    note.hidden = !c.note;
    note.textContent = c.note ?? '';
  }

  function renderRedis(redis: State['redis']): void {
    const box = byId('redis');
    box.hidden = !redis;
    if (!redis) return;
    byId('redis-state').textContent = busy.has('redis') ? `${redis.state} · working…` : redis.state;
    byId('redis-state').className = `state ${redis.state === 'running' ? 'running' : redis.state === 'paused' ? 'paused' : 'stopped'}`;
    const ha = byId('redis-ha');
    ha.hidden = redis.ha_lines.length === 0;
    ha.replaceChildren(...redis.ha_lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
    byId('redis-restart').textContent = redis.persistence === 'aof' ? 'Restart Redis (AOF keeps every session)' : 'Restart Redis (loses every session)';
    box.querySelectorAll<HTMLButtonElement>('button[data-redis]').forEach((b) => {
      b.disabled = busy.has('redis') || !redis.actions.includes(b.dataset.redis as string);
    });
  }

  function renderBalancer(b: State['balancer']): void {
    const running = (b.state ?? 'running') === 'running';
    byId('balancer-state').textContent = `${b.engine} ${busy.has('balancer') ? '· working…' : running ? 'running' : 'dead'}`;
    byId('balancer-state').className = `state ${running ? 'running' : 'killed'}`;
    byId('balancer-box').querySelectorAll<HTMLButtonElement>('button[data-balancer]').forEach((btn) => {
      btn.disabled = busy.has('balancer') || !b.actions.includes(btn.dataset.balancer as string);
    });
  }

  function render(): void {
    if (!state) return;
    byId('strategy').textContent = state.strategy;
    byId('store').textContent = state.redis ? `${state.store} (Redis ${state.redis.state}${state.redis.persistence === 'aof' ? ', AOF' : ''})` : state.store;
    const b = state.balancer;
    const sticky = state.strategy === 'sticky-cookie' && b.sticky ? `, ${b.sticky} sticky` : '';
    byId('balancer').textContent = `${b.engine} ${b.version}${sticky}, ${b.state ?? 'running'}`;
    const link = byId('shop-link') as HTMLAnchorElement;
    link.href = state.shopUrl;
    link.textContent = state.shopUrl;
    if (byId('explanation').textContent !== state.explanation) byId('explanation').textContent = state.explanation;
    renderReplicas(state.replicas);
    renderRedis(state.redis);
    renderBalancer(state.balancer);
    renderClients(state.clients);
  }

  async function refresh(): Promise<void> {
    try {
      const res = await fetch('/dash/state', { credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      state = (await res.json()) as State;
      if (!connected) say('info', 'Connected to the lab again.');
      connected = true;
      render();
      const c = state.clients;
      if (!startAsked && !c.running && c.tiles.length === 0 && c.note === null) {
        startAsked = true;
        void act('clients', 'Start clients', '/dash/clients', { running: true });
      }
    } catch (err) {
      if (connected) say('error', `Lost contact with the lab (${err instanceof Error ? err.message : String(err)}). Is \`npm run lab -- up\` still running?`);
      connected = false;
    }
  }

  function loop(): void {
    void refresh().finally(() => setTimeout(loop, connected ? POLL_MS : 2 * POLL_MS));
  }

  byId('add-replica').addEventListener('click', () => state && act('scale', 'Add replica', '/api/scale', { replicas: state.replicas.length + 1 }));
  document.querySelectorAll<HTMLButtonElement>('button[data-redis]').forEach((b) =>
    b.addEventListener('click', () => act('redis', `${b.textContent}`, `/api/redis/${b.dataset.redis}`)),
  );
  document.querySelectorAll<HTMLButtonElement>('button[data-balancer]').forEach((b) =>
    b.addEventListener('click', () => act('balancer', `${b.textContent}`, `/api/balancer/${b.dataset.balancer}`)),
  );
  byId('same-nat').addEventListener('change', (e) =>
    act('clients', (e.target as HTMLInputElement).checked ? 'Clients behind one NAT' : 'Clients on their own addresses', '/dash/clients', { sameNat: (e.target as HTMLInputElement).checked }),
  );
  byId('pause-clients').addEventListener('click', () => state && act('clients', state.clients.running ? 'Pause clients' : 'Resume clients', '/dash/clients', { running: !state.clients.running }));
  byId('reset-clients').addEventListener('click', () => act('clients', 'New clients', '/dash/clients', { reset: true }));
  loop();
}

/** One inline script (one CSP hash): the page, then its timeline panel. */
export const DASHBOARD_JS = pageScript(dashboardPage) + TIMELINE_JS;
