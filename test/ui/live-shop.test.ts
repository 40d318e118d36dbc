// The shop page's live cart in a real Chromium, through nginx: a change made
// by REST from another client shows up without a reload, and when the
// replica holding the page's socket is killed the page says its socket moved.
// Redis store and adapter: the session and the pushes outlive any replica.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { waitFor } from '../../apps/lab/src/util/wait';
import { describeSkipped, describeTopology, withTopology } from '../support/topology';
import { CHROMIUM, launch } from './browser';

jest.setTimeout(180_000);

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();

async function restAdd(base: string, cookie: string, sku: string): Promise<number> {
  const res = await fetch(`${base}/cart/items`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ sku, qty: 3 }) });
  await res.arrayBuffer();
  return res.status;
}

const suite = () =>
  it('updates the cart pushed by another client, and tells when its socket moved to another replica', () =>
    withTopology({ strategy: 'sticky-cookie', store: 'redis', env: { LIVE_ADAPTER: 'redis' } }, async (topo) => {
      const browser = await launch();
      try {
        const context = await browser.newContext();
        context.setDefaultTimeout(20_000);
        const shop = await context.newPage();
        const csp: string[] = [];
        shop.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && csp.push(m.text()));
        await shop.goto(`${topo.url}/ui/`);
        const first = shop.locator('#catalog li').first();
        await first.getByRole('button', { name: /^Add / }).click();
        await shop.locator('#cart-table').waitFor();
        await waitFor('the page to subscribe', async () => /^app\d+$/.test((await shop.locator('#live').getAttribute('data-replica')) ?? ''), { timeoutMs: 10_000 });
        const holder = (await shop.locator('#live').getAttribute('data-replica'))!;

        // Another client (here: Node with the page's cookies) changes the cart by REST.
        const cookie = (await context.cookies(topo.url)).map((c) => `${c.name}=${c.value}`).join('; ');
        expect(await restAdd(topo.url, cookie, 'sku-bread')).toBe(201);
        await shop.locator('#cart-table tbody tr', { hasText: 'Sourdough' }).waitFor();
        expect(await text(shop, '#live')).toMatch(/cart changed on app\d/);

        await topo.kill(holder);
        const seen: string[] = [];
        await waitFor(
          'the notice that the socket moved',
          async () => {
            const now = `#live: ${await text(shop, '#live')} | #messages: ${await text(shop, '#messages')}`;
            if (seen.at(-1) !== now) seen.push(now);
            return now.includes(`the socket was held by ${holder} and reconnected to`);
          },
          { timeoutMs: 20_000, intervalMs: 200 },
        ).catch(async (err: Error) => {
          const access = ((await topo.logs())['nginx-access'] ?? '').split('\n').filter((l) => l.includes('socket.io')).slice(-12);
          throw new Error(`${err.message}\n${seen.join('\n')}\n${access.join('\n')}`);
        });
        const now = (await shop.locator('#live').getAttribute('data-replica'))!;
        expect(now).toMatch(/^app\d+$/);
        expect(now).not.toBe(holder);
        // Still live after the move.
        expect(await restAdd(topo.url, cookie, 'sku-coffee')).toBe(201);
        await shop.locator('#cart-table tbody tr', { hasText: /coffee/i }).waitFor();
        expect(csp).toEqual([]);
      } finally {
        await browser.close();
      }
    }));

if (existsSync(CHROMIUM)) describeTopology('live shop page', 'redis', suite);
else describeSkipped('live shop page', `${CHROMIUM} not installed (sudo apt-get install -y chromium)`);
