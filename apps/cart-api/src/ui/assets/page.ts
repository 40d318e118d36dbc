// The shop page's markup. Scripts and styles are separate same-origin files so
// the page can run under a strict Content-Security-Policy (no inline code).
export const SHOP_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop · Sticky Sessions Lab</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="shop.css">
<script src="/socket.io/socket.io.min.js" defer></script>
<script src="shop.js" defer></script>
</head>
<body>
<a class="skip" href="#cart-title">Skip to the cart</a>
<header class="top">
  <h1>Sticky Sessions Lab <span class="sub">shop</span></h1>
  <p class="served"><span id="served-label">Last request served by</span>
    <output id="served-by" class="badge none" aria-labelledby="served-label">none yet</output></p>
</header>
<section class="strip-wrap" aria-labelledby="strip-title">
  <h2 id="strip-title">Replicas of the last 20 requests <span class="hint">oldest first</span></h2>
  <ol id="strip" class="strip"></ol>
</section>
<div id="messages" class="messages" role="status" aria-live="polite" aria-atomic="true"></div>
<p id="live" class="live muted" role="status" aria-live="polite">Live updates start once the cart has a session.</p>
<main class="grid">
  <section aria-labelledby="catalog-title">
    <h2 id="catalog-title">Catalog</h2>
    <ul id="catalog" class="catalog"><li class="muted">Loading the catalog…</li></ul>
  </section>
  <section id="cart-section" aria-labelledby="cart-title">
    <h2 id="cart-title" tabindex="-1">Your cart</h2>
    <div id="cart"><p class="muted">Loading your cart…</p></div>
    <div class="actions">
      <button type="button" id="reload">Reload cart</button>
      <button type="button" id="clear" class="secondary">Empty cart</button>
    </div>
  </section>
</main>
<footer class="foot"><p>Every request goes through the load balancer; the badge and the strip show which replica answered.
  A different replica with the memory store means a different cart.</p></footer>
<noscript><p class="messages error">This page needs JavaScript to talk to the cart API.</p></noscript>
</body>
</html>
`;
