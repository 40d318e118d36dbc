// Draws the polled state into the page: replica cards, Redis, the balancer,
// the client tiles. Served as source text (libs/page.ts): functions here call
// each other by name and reach other modules only through `dash` and `lib`.
import type { Card, Clients, Dash, Redis, Replica, ReplicaButton, State, Tile, TileView, CardView } from './types';

/** What this module needs of the others: the buttons (actions.ts) and the views (view.ts). */
export interface RenderLib {
  replicaButtons(name: string): ReplicaButton[];
  cardView(r: Replica, busy: boolean, buttons: readonly string[]): CardView;
  tileView(t: Tile): TileView;
  storeLine(state: Pick<State, 'store' | 'redis'>): string;
  balancerLine(strategy: string, b: State['balancer']): string;
  redisStateClass(redis: Redis): string;
  redisButtonLabels(redis: Redis): { restart: string; kill: string };
}

export function newCard(dash: Dash, lib: RenderLib, name: string): Card {
  const { el } = dash.dom;
  const values: Record<string, HTMLElement> = {};
  const list = el('dl');
  for (const [key, label] of [['sessions', 'sessions held'], ['requests', 'requests served'], ['memory', 'memory (RSS)'], ['uptime', 'uptime']]) {
    values[key] = el('dd', { 'data-field': key }, '—');
    list.append(el('dt', {}, label), values[key]);
  }
  const buttons: Record<string, HTMLButtonElement> = {};
  const row = el('div', { class: 'buttons' });
  for (const spec of lib.replicaButtons(name)) {
    const b = el('button', { type: 'button', class: spec.className, 'data-action': spec.action, 'aria-label': spec.ariaLabel }, spec.label) as HTMLButtonElement;
    b.addEventListener('click', () => dash.act(name, spec.ariaLabel, spec.path));
    buttons[spec.action] = b;
    row.append(b);
  }
  const state = el('span', { class: 'state', 'data-field': 'state' });
  const rotation = el('span', { class: 'state rotation', 'data-field': 'rotation' });
  const note = el('p', { class: 'rotation-note', 'data-field': 'rotation-note' });
  const title = el('h3', { id: `card-${name}` }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), name, state, rotation);
  const root = el('article', { class: 'card', 'data-replica': name, 'aria-labelledby': `card-${name}` }, title, note, list, row);
  root.style.setProperty('--c', dash.colourOf(name));
  return { root, state, rotation, note, values, buttons };
}

export function renderCard(dash: Dash, lib: RenderLib, card: Card, r: Replica): void {
  const v = lib.cardView(r, dash.busy.has(r.name), Object.keys(card.buttons));
  card.state.textContent = v.state;
  card.state.className = v.stateClass;
  card.rotation.textContent = v.rotation.text;
  card.rotation.className = v.rotation.className;
  card.rotation.title = v.rotation.title;
  card.note.hidden = !v.note;
  card.note.textContent = v.note ?? '';
  card.root.classList.toggle('down', v.out);
  card.root.setAttribute('aria-busy', String(v.busy));
  for (const [key, text] of Object.entries(v.values)) card.values[key].textContent = text;
  for (const [action, off] of Object.entries(v.disabled)) card.buttons[action].disabled = off;
}

export function renderReplicas(dash: Dash, lib: RenderLib, list: Replica[]): void {
  const box = dash.dom.byId('replicas');
  for (const [name, card] of dash.cards) {
    if (!list.some((r) => r.name === name)) {
      card.root.remove();
      dash.cards.delete(name);
    }
  }
  list.forEach((r, i) => {
    let card = dash.cards.get(r.name);
    if (!card) {
      card = newCard(dash, lib, r.name);
      dash.cards.set(r.name, card);
    }
    if (box.children[i] !== card.root) box.insertBefore(card.root, box.children[i] ?? null);
    renderCard(dash, lib, card, r);
  });
  const MAX_REPLICAS = 16; // the control API's bound; here, not at module level: only functions reach the page
  (dash.dom.byId('add-replica') as HTMLButtonElement).disabled = dash.busy.has('scale') || list.length >= MAX_REPLICAS;
}

export function renderTile(dash: Dash, lib: RenderLib, t: Tile): void {
  const { el } = dash.dom;
  let li = dash.tiles.get(t.name);
  if (!li) {
    li = el('li', { class: 'tile', 'data-client': t.name });
    dash.tiles.set(t.name, li);
  }
  const v = lib.tileView(t);
  li.replaceChildren(
    el('div', { class: 'who' }, el('span', {}, t.name), el('span', { 'data-field': 'replica' }, t.replica ?? '…')),
    el('div', { class: 'addr', 'data-field': 'address' }, t.address),
    el('div', { class: 'what', 'data-field': 'what' }, v.what),
    el('div', { class: 'addr' }, v.history || '\u00a0'),
  );
  li.className = v.className;
  if (t.replica) li.style.setProperty('--c', dash.colourOf(t.replica));
  li.title = t.lastError ?? '';
}

export function renderClients(dash: Dash, lib: RenderLib, c: Clients): void {
  const { byId } = dash.dom;
  const box = byId('clients');
  c.tiles.forEach((t) => renderTile(dash, lib, t));
  const wanted = c.tiles.map((t) => dash.tiles.get(t.name) as HTMLElement);
  for (const [name, li] of dash.tiles) {
    if (c.tiles.some((t) => t.name === name)) continue;
    li.remove();
    dash.tiles.delete(name);
  }
  if (wanted.some((li, i) => box.children[i] !== li)) box.replaceChildren(...wanted);
  byId('carts-lost').textContent = String(c.counters.cartsLost);
  byId('carts-lost').classList.toggle('bad', c.counters.cartsLost > 0);
  byId('clients-moved').textContent = String(c.counters.clientsMoved);
  byId('failed-requests').textContent = String(c.counters.failedRequests);
  byId('failed-requests').classList.toggle('bad', c.counters.failedRequests > 0);
  const nat = byId('same-nat') as HTMLInputElement;
  if (!dash.busy.has('clients')) nat.checked = c.sameNat;
  byId('pause-clients').textContent = c.running ? 'Pause clients' : 'Resume clients';
  const note = byId('clients-note');
  note.hidden = !c.note;
  note.textContent = c.note ?? '';
}

export function renderRedis(dash: Dash, lib: RenderLib, redis: Redis | null): void {
  const { byId } = dash.dom;
  const box = byId('redis');
  box.hidden = !redis;
  if (!redis) return;
  const busy = dash.busy.has('redis');
  byId('redis-state').textContent = busy ? `${redis.state} · working…` : redis.state;
  byId('redis-state').className = lib.redisStateClass(redis);
  const ha = byId('redis-ha');
  ha.hidden = redis.ha_lines.length === 0;
  ha.replaceChildren(...redis.ha_lines.map((line) => dash.dom.el('li', {}, line)));
  const labels = lib.redisButtonLabels(redis);
  byId('redis-restart').textContent = labels.restart;
  byId('redis-kill').textContent = labels.kill;
  box.querySelectorAll<HTMLButtonElement>('button[data-redis]').forEach((b) => {
    b.disabled = busy || !redis.actions.includes(b.dataset.redis as string);
  });
}

export function renderBalancer(dash: Dash, b: State['balancer']): void {
  const { byId } = dash.dom;
  const running = (b.state ?? 'running') === 'running';
  const busy = dash.busy.has('balancer');
  byId('balancer-state').textContent = `${b.engine} ${busy ? '· working…' : running ? 'running' : 'dead'}`;
  byId('balancer-state').className = `state ${running ? 'running' : 'killed'}`;
  byId('balancer-box').querySelectorAll<HTMLButtonElement>('button[data-balancer]').forEach((btn) => {
    btn.disabled = busy || !b.actions.includes(btn.dataset.balancer as string);
  });
}

export function renderPage(dash: Dash, lib: RenderLib): void {
  const { state } = dash;
  if (!state) return;
  const { byId } = dash.dom;
  byId('strategy').textContent = state.strategy;
  byId('store').textContent = lib.storeLine(state);
  byId('balancer').textContent = lib.balancerLine(state.strategy, state.balancer);
  const link = byId('shop-link') as HTMLAnchorElement;
  link.href = state.shopUrl;
  link.textContent = state.shopUrl;
  if (byId('explanation').textContent !== state.explanation) byId('explanation').textContent = state.explanation;
  renderReplicas(dash, lib, state.replicas);
  renderRedis(dash, lib, state.redis);
  renderBalancer(dash, state.balancer);
  renderClients(dash, lib, state.clients);
}
