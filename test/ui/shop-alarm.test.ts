// The shop page's "cart lost" alarm in a real Chromium, through nginx, with
// live updates on (memory store, ip-hash: the defect's set-up). The Socket.IO
// push of an add may land before the add's own answer: the page must not count
// that add twice. A real kill must raise the alarm and empty the cart by
// itself, without a click on "Reload cart".
import type { Page } from 'playwright-core';
import { waitFor } from '../../apps/lab/src/util/wait';
import { withTopology } from '../support/topology';
import { describeBrowser, launch, until } from './browser';

jest.setTimeout(180_000);

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();

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

async function add(shop: Page, n: number): Promise<string> {
  const item = shop.locator('#catalog li').nth(n);
  const product = ((await item.locator('.name').textContent()) ?? '').trim();
  await item.getByRole('button', { name: `Add ${product} to the cart` }).click();
  // The add's own answer ends with "Added …" or an alarm; wait for either.
  await until(`the answer to adding ${product}`, () => text(shop, '#messages'), (m) => m === `Added 1 × ${product}.` || /lost|failed|answered/.test(m), 20_000);
  return product;
}

describeBrowser('shop page alarm with live updates, memory store', 'memory', () => {
  it('five adds with live updates on raise no alarm; a killed replica raises it and empties the cart without a click', () =>
    withTopology({ strategy: 'ip-hash', store: 'memory' }, async (topo) => {
      const browser = await launch();
      try {
        const shop = await (await browser.newContext()).newPage();
        shop.setDefaultTimeout(20_000);
        const messages = await watchMessages(shop);
        await shop.goto(`${topo.url}/ui/`);
        await shop.locator('#catalog li').nth(4).waitFor();
        await add(shop, 0);
        const holder = await until('the page to subscribe', async () => (await shop.locator('#live').getAttribute('data-replica')) ?? '', (r) => /^app\d+$/.test(r), 10_000);
        for (const n of [1, 2, 3, 4]) {
          await add(shop, n);
          // The push of this add must have reached the page too, or the race under test never ran.
          await until(`the push of add ${n + 1}`, () => text(shop, '#live'), (l) => /cart changed on app\d/.test(l));
        }
        expect(await text(shop, '#cart-total')).toMatch(/^\$/);
        expect(await shop.locator('#cart-table tbody tr').count()).toBe(5);
        expect((await messages()).filter((m) => /lost/.test(m))).toEqual([]);

        await topo.kill(holder);
        // No click: the page notices its socket closed and reads the cart again.
        await shop.locator('#messages .error', { hasText: 'Your cart lost 5 items' }).waitFor();
        await shop.locator('#cart-empty').waitFor();
        const now = await text(shop, '#served-by');
        expect(now).not.toBe(holder);
        expect(await text(shop, '#messages')).toBe(
          `Your cart lost 5 items: the previous cart came from ${holder}, this answer came from ${now}. The shop says the session your browser presented no longer exists.`,
        );
        await waitFor('the live line to say the socket is gone', async () => /closed|off/.test(await text(shop, '#live')), { timeoutMs: 10_000 });
      } finally {
        await browser.close();
      }
    }));
});
