// The shop page (through nginx) and the lab dashboard (on the control server)
// in a real Chromium, live updates on. ip-hash keeps the browser (127.0.0.1) on one replica, so
// "the replica that serves the shop page" is well defined until we kill it.
// Two lab boots: memory store (the cart dies with its replica) and redis store
// (it survives; Redis becomes the thing that can fail).
import type { Page } from 'playwright-core';
import { describeBrowser, screenshots, until, withLab } from './browser';

jest.setTimeout(180_000);

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();
const count = async (page: Page, selector: string) => Number(await text(page, selector));

/** Adds the n-th catalog product and waits for its answer; returns its name and the replica that answered. */
async function addProduct(shop: Page, n = 0): Promise<{ product: string; servedBy: string }> {
  const item = shop.locator('#catalog li').nth(n);
  const product = ((await item.locator('.name').textContent()) ?? '').trim();
  await item.getByRole('button', { name: `Add ${product} to the cart` }).click();
  // The answer ends with "Added …" or a message saying what went wrong (a push may render the row first).
  await until(`the answer to adding ${product}`, () => text(shop, '#messages'), (m) => m === `Added 1 × ${product}.` || /lost|failed|answered|unavailable/.test(m));
  await shop.locator('#cart-table tbody tr', { hasText: product }).waitFor();
  return { product, servedBy: await text(shop, '#served-by') };
}

/** Every text the page put in #messages, in order (a later message can hide an earlier alarm). */
async function watchMessages(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenMessages: string[] }).seenMessages = seen;
    document.addEventListener('DOMContentLoaded', () => {
      const box = document.getElementById('messages');
      if (box) new MutationObserver(() => seen.push((box.textContent ?? '').trim())).observe(box, { childList: true, subtree: true, characterData: true });
    });
  });
  return () => page.evaluate(() => (window as unknown as { seenMessages: string[] }).seenMessages.slice());
}

/** Clicks "Reload cart" until a replica other than `gone` answers. */
function reloadUntilMoved(shop: Page, gone: string): Promise<string> {
  return until(
    `the shop page to be served by a replica other than ${gone}`,
    async () => {
      await Promise.all([shop.waitForResponse((r) => new URL(r.url()).pathname === '/cart'), shop.getByRole('button', { name: 'Reload cart' }).click()]);
      return text(shop, '#served-by');
    },
    (by) => /^app\d+$/.test(by) && by !== gone,
  );
}

/** [replica, what, address] of every client tile on the dashboard. */
function tiles(dash: Page): Promise<[string, string, string][]> {
  return dash.locator('#clients .tile').evaluateAll((els) =>
    els.map((t) => ['replica', 'what', 'address'].map((f) => t.querySelector(`[data-field=${f}]`)?.textContent ?? '') as [string, string, string]),
  );
}

async function killFromDashboard(dash: Page, name: string): Promise<void> {
  await dash.getByRole('button', { name: `Kill ${name}`, exact: true }).click();
  await until(`${name}'s card to say killed`, () => text(dash, `[data-replica="${name}"] [data-field=state]`), (s) => s === 'killed');
  await dash.locator('#messages', { hasText: `${name} killed` }).waitFor();
}

/** Swagger UI (a replica's, through the balancer) renders every operation of /docs-json under the app's CSP. */
async function expectSwaggerUi(page: Page, url: string): Promise<void> {
  const refused: string[] = [];
  page.on('console', (m) => /Content.Security.Policy|Refused/i.test(m.text()) && refused.push(m.text()));
  const doc = (await (await fetch(new URL('../docs-json', url))).json()) as { paths: Record<string, object> };
  const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  await page.goto(url);
  await until('Swagger UI to render every operation', () => page.locator('.opblock').count(), (n) => n === operations);
  expect([operations > 10, refused]).toEqual([true, []]);
}

describeBrowser('shop page and dashboard, memory store', 'memory', () => {
  it('five adds with live updates raise no alarm; killing the serving replica does, empties the cart without a click, and the dashboard counts lost carts; same NAT and add replica work', () =>
    withLab('memory', { strategy: 'ip-hash', store: 'memory' }, async (lab) => {
      const { shop, dash } = lab;
      await expectSwaggerUi(shop, new URL('../docs/', lab.shopUrl).href);
      const messages = await watchMessages(shop);
      await shop.goto(lab.shopUrl);
      const { product, servedBy } = await addProduct(shop, 0);
      expect(servedBy).toMatch(/^app[123]$/);
      // Live updates on: each add's Socket.IO push may land before its answer, and must not count twice.
      await until('the page to subscribe', async () => (await shop.locator('#live').getAttribute('data-replica')) ?? '', (r) => r === servedBy);
      for (const n of [1, 2, 3, 4]) expect((await addProduct(shop, n)).servedBy).toBe(servedBy);
      expect((await messages()).filter((m) => /lost/.test(m))).toEqual([]);
      // products, cart, five adds: all from one replica under ip-hash
      expect(new Set(await shop.locator('#strip li').allTextContents())).toEqual(new Set([servedBy]));

      await dash.goto(lab.dashUrl);
      // The page fills its fields from its first poll, not with the HTML.
      await until('the dashboard to show the strategy', () => text(dash, '#strategy'), (s) => s === 'ip-hash');
      expect(await dash.locator('#replicas .card').count()).toBe(3);
      expect(await dash.locator('#redis').isHidden()).toBe(true);
      expect(await text(dash, '#balancer')).toMatch(/^nginx \d+\.\d+\.\d+, running$/);
      expect(await dash.getByRole('button', { name: 'Reload balancer (same process)' }).isEnabled()).toBe(true);
      expect(await dash.getByRole('button', { name: 'Restart balancer (learned tables are lost)' }).isEnabled()).toBe(true);
      // Some simulated clients must hold items on the doomed replica, or no loss can show.
      await until(`a simulated client with items on ${servedBy}`, () => tiles(dash), (ts) => ts.length === 12 && ts.some(([r, w]) => r === servedBy && /^[1-9]\d* items? in cart$/.test(w)));
      expect(await count(dash, '#carts-lost')).toBe(0);
      await until(`${servedBy}'s card to show sessions held`, () => text(dash, `[data-replica="${servedBy}"] [data-field=sessions]`), (s) => Number(s) >= 2);

      await screenshots(lab, 'memory-before-kill');
      await killFromDashboard(dash, servedBy);

      // No click: the page reads the cart once its socket closes under it.
      await shop.locator('#messages .error', { hasText: 'Your cart lost' }).waitFor();
      await shop.locator('#cart-empty').waitFor();
      const now = await text(shop, '#served-by');
      expect(now).not.toBe(servedBy);
      // The replica now answering does not have the session the browser presented, and says so.
      expect(await text(shop, '#messages')).toBe(
        `Your cart lost 5 items: the previous cart came from ${servedBy}, this answer came from ${now}. The shop says the session your browser presented no longer exists.`,
      );
      expect(await shop.locator('#cart-table tbody tr', { hasText: product }).count()).toBe(0);
      // F5: the page remembers (sessionStorage) the empty cart it already reported, and says the session is gone.
      await shop.reload();
      await shop.locator('#messages .error', { hasText: 'Your session expired or was lost' }).waitFor();

      await until('the dashboard to count lost carts', () => count(dash, '#carts-lost'), (n) => n > 0);
      await until('a red "cart lost" tile', () => dash.locator('#clients .tile.lost', { hasText: 'cart lost' }).count(), (n) => n > 0);
      await until(`no client left on ${servedBy}`, () => tiles(dash), (ts) => ts.every(([r]) => r !== servedBy));
      expect(await count(dash, '#clients-moved')).toBeGreaterThan(0);
      expect(await dash.getByRole('button', { name: `Start ${servedBy}`, exact: true }).isEnabled()).toBe(true);
      // nginx reads no health: the killed replica stays in rotation, as `lab status` says, and its card says what nginx does instead.
      const card = `[data-replica="${servedBy}"]`;
      expect([await text(dash, `${card} [data-field=rotation]`), await text(dash, `${card} [data-field=rotation-note]`)]).toEqual([
        'in rotation',
        'nginx has no active health check: it keeps trying this replica and fails over to another',
      ]);
      await screenshots(lab, 'memory-after-kill');

      // One NAT: ip-hash sees a single /24, so the fresh clients all land on one replica.
      await dash.getByLabel('same NAT (one /24)').check();
      const nat = await until('every client behind one NAT on one replica', () => tiles(dash), (ts) => ts.length === 12 && ts.every(([r, , a]) => r === ts[0][0] && /^app\d+$/.test(r) && a.startsWith('127.0.200.')));
      expect(nat[0][0]).not.toBe(servedBy);
      await dash.getByRole('button', { name: 'Add replica' }).click();
      await until('app4 running on its card', () => text(dash, '[data-replica="app4"] [data-field=state]'), (s) => s === 'running', 60_000);
      expect(await dash.locator('#replicas .card').count()).toBe(4);
    }));
});

describeBrowser('shop page and dashboard, redis store', 'redis', () => {
  it('the cart survives a killed replica; a paused Redis shows a readable 503 and the cart is back after resume', () =>
    withLab('redis', { strategy: 'ip-hash', store: 'redis' }, async (lab) => {
      const { shop, dash } = lab;
      await shop.goto(lab.shopUrl);
      const { product, servedBy } = await addProduct(shop);

      await dash.goto(lab.dashUrl);
      await until(`a simulated client with items on ${servedBy}`, () => tiles(dash), (ts) => ts.length === 12 && ts.some(([r, w]) => r === servedBy && /^[1-9]\d* items? in cart$/.test(w)));
      expect(await text(dash, `[data-replica="${servedBy}"] [data-field=sessions]`)).toBe('in Redis');
      await killFromDashboard(dash, servedBy);

      await reloadUntilMoved(shop, servedBy);
      expect(await shop.locator('#cart-table tbody tr', { hasText: product }).count()).toBe(1);
      expect(await text(shop, '#messages')).not.toContain('lost');
      await until(`no client left on ${servedBy}`, () => tiles(dash), (ts) => ts.every(([r]) => r !== servedBy));
      expect(await count(dash, '#clients-moved')).toBeGreaterThan(0);
      expect(await count(dash, '#carts-lost')).toBe(0);

      await dash.getByRole('button', { name: 'Pause Redis' }).click();
      await until('Redis to show paused', () => text(dash, '#redis-state'), (s) => s === 'paused');
      await shop.locator('#catalog li').first().getByRole('button').click();
      await shop.locator('#messages', { hasText: 'The cart store is unavailable (503)' }).waitFor();
      await until('the dashboard to count failed requests', () => count(dash, '#failed-requests'), (n) => n > 0);
      await screenshots(lab, 'redis-paused');

      await dash.getByRole('button', { name: 'Resume Redis' }).click();
      await until('Redis to show running', () => text(dash, '#redis-state'), (s) => s === 'running');
      await until(
        'the cart to load again after Redis resumed',
        async () => {
          await Promise.all([shop.waitForResponse((r) => new URL(r.url()).pathname === '/cart'), shop.getByRole('button', { name: 'Reload cart' }).click()]);
          return text(shop, '#messages');
        },
        (m) => m === 'Cart reloaded.',
      );
      const line = shop.locator('#cart-table tbody tr', { hasText: product });
      expect(await line.locator('input[type=number]').inputValue()).toBe('1');
      expect(await count(dash, '#carts-lost')).toBe(0);

      // Keyboard only: the cart re-renders after each change, and focus must stay on "+".
      await shop.getByRole('button', { name: `One more ${product}` }).focus();
      for (const qty of ['2', '3']) {
        await Promise.all([shop.waitForResponse((r) => r.request().method() === 'PATCH'), shop.keyboard.press('Enter')]);
        await until(`qty ${qty}`, () => line.locator('input[type=number]').inputValue(), (v) => v === qty);
      }
      expect(await shop.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`One more ${product}`);

      // A validation error is a message, and the cart keeps its last good state.
      await line.locator('input[type=number]').fill('0');
      await Promise.all([shop.waitForResponse((r) => r.status() === 400), line.locator('input[type=number]').press('Tab')]);
      await shop.locator('#messages .error', { hasText: /qty.*answered 400/ }).waitFor();
      await until('the quantity field restored', () => line.locator('input[type=number]').inputValue(), (v) => v === '3');

      // Removing the focused line puts focus on the cart heading, not on <body>.
      await shop.getByRole('button', { name: `Remove ${product}` }).focus();
      await Promise.all([shop.waitForResponse((r) => r.request().method() === 'DELETE'), shop.keyboard.press('Enter')]);
      await shop.locator('#cart-empty').waitFor();
      expect(await shop.evaluate(() => document.activeElement?.id)).toBe('cart-title');
    }));
});
