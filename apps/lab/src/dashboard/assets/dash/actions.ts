// What the dashboard's buttons post, and the one way a change is run: marked
// busy, said, posted, then the state read again. Served as source text
// (libs/page.ts): functions here call each other by name and reach other
// modules only through `dash`.
import type { Dash, ReplicaButton, State } from './types';

/**
 * The replica buttons in card order. Which are enabled comes from the server
 * (`actions` per replica): this page holds labels, not the transition table.
 */
export function replicaActionLabels(): Record<string, string> {
  return { stop: 'Stop', kill: 'Kill', pause: 'Pause', resume: 'Resume', start: 'Start', 'mark-down': 'Mark down', 'mark-up': 'Mark up', drain: 'Drain', undrain: 'Undrain' };
}

export function replicaButtons(name: string): ReplicaButton[] {
  return Object.entries(replicaActionLabels()).map(([action, label]) => ({
    action,
    label,
    path: `/api/replicas/${encodeURIComponent(name)}/${action}`,
    className: action === 'kill' ? 'danger' : 'secondary',
    ariaLabel: `${label} ${name}`,
  }));
}

/** The body of *Add replica*: one more than the state shows. */
export function scaleOutBody(state: Pick<State, 'replicas'>): { replicas: number } {
  return { replicas: state.replicas.length + 1 };
}

/** The lab's answer to a change; its `message` (or code, or the status) when it refused. */
export async function postChange(path: string, body: unknown = {}): Promise<{ message?: string }> {
  const res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as { message?: string; error?: string };
  if (!res.ok) throw new Error(data.message || data.error || `HTTP ${res.status}`);
  return data;
}

export async function runChange(dash: Dash, key: string, label: string, path: string, body?: unknown): Promise<void> {
  const { say } = dash.dom;
  dash.busy.add(key);
  dash.render();
  say('info', `${label}…`);
  try {
    const done = await postChange(path, body);
    say('info', done.message ? `Done: ${done.message}.` : `${label}: done.`);
  } catch (err) {
    say('error', `${label} failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    dash.busy.delete(key);
    await dash.refresh();
  }
}

/** The page's fixed controls (the cards wire their own buttons). */
export function wireControls(dash: Dash): void {
  const { byId } = dash.dom;
  byId('add-replica').addEventListener('click', () => dash.state && dash.act('scale', 'Add replica', '/api/scale', scaleOutBody(dash.state)));
  document.querySelectorAll<HTMLButtonElement>('button[data-redis]').forEach((b) =>
    b.addEventListener('click', () => dash.act('redis', `${b.textContent}`, `/api/redis/${b.dataset.redis}`)),
  );
  document.querySelectorAll<HTMLButtonElement>('button[data-balancer]').forEach((b) =>
    b.addEventListener('click', () => dash.act('balancer', `${b.textContent}`, `/api/balancer/${b.dataset.balancer}`)),
  );
  byId('same-nat').addEventListener('change', (e) => {
    const on = (e.target as HTMLInputElement).checked;
    void dash.act('clients', on ? 'Clients behind one NAT' : 'Clients on their own addresses', '/dash/clients', { sameNat: on });
  });
  byId('pause-clients').addEventListener('click', () => {
    const running = dash.state?.clients.running;
    if (running !== undefined) void dash.act('clients', running ? 'Pause clients' : 'Resume clients', '/dash/clients', { running: !running });
  });
  byId('reset-clients').addEventListener('click', () => dash.act('clients', 'New clients', '/dash/clients', { reset: true }));
}
