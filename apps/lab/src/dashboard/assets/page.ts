import { createHash } from 'node:crypto';
import { pageCsp } from '../../../../../libs/page';
import { DASHBOARD_JS } from './dashboard-script';
import { DASHBOARD_CSS } from './style';

// One self-contained page (inline CSS and JS, nothing fetched but /dash and
// /api on the same origin). The inline script is allowed by its hash, so the
// CSP still refuses any other script.

const scriptHash = createHash('sha256').update(DASHBOARD_JS).digest('base64');

export const DASHBOARD_CSP = pageCsp({ script: `'sha256-${scriptHash}'`, style: "'unsafe-inline'" });

export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dashboard · Sticky Sessions Lab</title>
<link rel="icon" href="data:,">
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<header class="top">
  <h1>Sticky Sessions Lab <span class="sub">dashboard</span></h1>
  <dl class="facts">
    <div><dt>strategy</dt><dd id="strategy">…</dd></div>
    <div><dt>store</dt><dd id="store">…</dd></div>
    <div><dt>balancer</dt><dd id="balancer">…</dd></div>
    <div><dt>shop page</dt><dd><a id="shop-link" href="#" target="_blank" rel="noopener">…</a></dd></div>
  </dl>
</header>
<p id="explanation" class="explain"></p>
<div id="messages" class="messages" role="status" aria-live="polite" aria-atomic="true"></div>
<main>
  <section aria-labelledby="replicas-title">
    <div class="bar">
      <h2 id="replicas-title">Replicas</h2>
      <button type="button" id="add-replica">Add replica</button>
    </div>
    <div id="replicas" class="cards"></div>
    <div id="redis" class="redis" hidden>
      <h3>Redis <span id="redis-state" class="state"></span></h3>
      <ul id="redis-ha" hidden></ul>
      <div class="buttons">
        <button type="button" data-redis="pause">Pause Redis</button>
        <button type="button" data-redis="resume">Resume Redis</button>
        <button type="button" id="redis-restart" data-redis="restart" class="danger">Restart Redis (loses every session)</button>
        <button type="button" id="redis-kill" data-redis="kill" class="danger">Kill Redis (down until Restart)</button>
      </div>
    </div>
    <div id="balancer-box" class="redis">
      <h3>Balancer <span id="balancer-state" class="state"></span></h3>
      <div class="buttons">
        <button type="button" data-balancer="reload">Reload balancer (same process)</button>
        <button type="button" data-balancer="restart" class="danger">Restart balancer (learned tables are lost)</button>
      </div>
    </div>
  </section>
  <section aria-labelledby="clients-title">
    <div class="bar">
      <h2 id="clients-title">Simulated clients</h2>
      <label class="toggle"><input type="checkbox" id="same-nat"> same NAT (one /24)</label>
      <button type="button" id="pause-clients" class="secondary">Pause clients</button>
      <button type="button" id="reset-clients" class="secondary">New clients</button>
    </div>
    <dl class="counters">
      <div><dt>carts lost</dt><dd id="carts-lost">0</dd></div>
      <div><dt>clients moved</dt><dd id="clients-moved">0</dd></div>
      <div><dt>failed requests</dt><dd id="failed-requests">0</dd></div>
    </dl>
    <p id="clients-note" class="muted" hidden></p>
    <ul id="clients" class="tiles" aria-label="Simulated clients"></ul>
  </section>
</main>
<section class="timeline-panel" aria-labelledby="timeline-title">
  <h2 id="timeline-title">Timeline</h2>
  <p class="muted">The last three minutes of the simulated clients' requests, one row per client, coloured by the replica that answered; vertical lines are the changes made through the buttons or <code>npm run lab</code> commands.</p>
  <div id="timeline" class="tl-live" aria-busy="true"></div>
</section>
<footer class="foot"><p>Updates every second. Buttons act on the running lab, like <code>npm run lab -- kill app2</code>.
  Client tiles take the colour of the replica that answered them last; red means an acknowledged cart just vanished.</p></footer>
<script>${DASHBOARD_JS}</script>
</body>
</html>
`;
