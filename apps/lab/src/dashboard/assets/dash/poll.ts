// Polls GET /dash/state about once a second (half as often while the lab is
// out of reach) and starts the simulated clients once. Served as source text
// (libs/page.ts): no imports of functions.
import type { Dash, State } from './types';

/** Reads the state and redraws; says once when contact is lost and once when it is back. */
export async function pollState(dash: Dash, startClients: (state: State, startAsked: boolean) => boolean): Promise<void> {
  const { say } = dash.dom;
  try {
    const res = await fetch('/dash/state', { credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const state = (await res.json()) as State;
    dash.state = state;
    if (!dash.connected) say('info', 'Connected to the lab again.');
    dash.connected = true;
    dash.render();
    if (startClients(state, dash.startAsked)) {
      dash.startAsked = true;
      void dash.act('clients', 'Start clients', '/dash/clients', { running: true });
    }
  } catch (err) {
    if (dash.connected) say('error', `Lost contact with the lab (${err instanceof Error ? err.message : String(err)}). Is \`npm run lab -- up\` still running?`);
    dash.connected = false;
  }
}

export function pollLoop(dash: Dash): void {
  const POLL_MS = 1000; // here, not at module level: only functions reach the page
  void dash.refresh().finally(() => setTimeout(() => pollLoop(dash), dash.connected ? POLL_MS : 2 * POLL_MS));
}
