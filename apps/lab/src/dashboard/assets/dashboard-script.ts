import { Dom, modularPageScript } from '../../../../../libs/page';
import * as actions from './dash/actions';
import * as poll from './dash/poll';
import * as render from './dash/render';
import type { Dash } from './dash/types';
import * as view from './dash/view';
import { TIMELINE_JS } from './timeline-script';

const DASH_LIB = { ...actions, ...poll, ...render, ...view };
type DashLib = typeof DASH_LIB;

// The dashboard page: wires the modules in ./dash/ around one `Dash` and
// starts polling. Served as source text with its modules (libs/page.ts): it
// runs in the browser and uses nothing from this module's scope, only its parameters.
function dashboardPage(dom: Dom, colourOf: (name: string) => string, lib: DashLib): void {
  const dash: Dash = {
    dom,
    colourOf,
    busy: new Set(),
    cards: new Map(),
    tiles: new Map(),
    state: null,
    connected: true,
    startAsked: false,
    act: (key, label, path, body) => lib.runChange(dash, key, label, path, body),
    render: () => lib.renderPage(dash, lib),
    refresh: () => lib.pollState(dash, lib.shouldStartClients),
  };
  lib.wireControls(dash);
  lib.pollLoop(dash);
}

/** One inline script (one CSP hash): the page, then its timeline panel. */
export const DASHBOARD_JS = modularPageScript(dashboardPage, DASH_LIB) + TIMELINE_JS;
