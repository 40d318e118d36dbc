// `npm run docs:images [-- OUT_DIR]`: retakes every picture in docs/img/ from a
// live lab (process driver, ip-hash; memory store, then redis), the way a
// learner sees it: the machine's Chromium on the shop page and the dashboard.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startControlServer } from '../control';
import { createTopology, StoreKind, Topology } from '../topology';
import { findBinary } from '../util/find-binary';
import { waitFor } from '../util/wait';

/** Every picture docs/img/ holds, by the lab run that takes it. */
export const PICTURES = {
  memory: ['shop.png', 'shop-cart-lost.png', 'dashboard.png', 'dashboard-timeline.png'],
  redis: ['dashboard-redis-paused.png'],
} as const;

const REPO = resolve(__dirname, '../../../..');
const WAIT = { timeoutMs: 60_000, intervalMs: 250 };

interface Lab {
  topo: Topology;
  shop: Page;
  dash: Page;
  shopUrl: string;
  dashUrl: string;
  out: string;
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();
const log = (line: string) => void process.stderr.write(`docs:images: ${line}\n`);

async function withLab(browser: Browser, store: StoreKind, out: string, body: (lab: Lab) => Promise<void>): Promise<void> {
  const topo = await createTopology({ strategy: 'ip-hash', store });
  try {
    const control = await startControlServer({ topology: topo, port: 0 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    context.setDefaultTimeout(30_000);
    try {
      await body({ topo, shop: await context.newPage(), dash: await context.newPage(), shopUrl: `${topo.url}/ui/`, dashUrl: `${control.url}/`, out });
    } finally {
      await context.close();
      await control.close();
    }
  } finally {
    await topo.down();
  }
}

async function shoot(page: Page, lab: Lab, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(lab.out, name), fullPage });
  log(`wrote ${join(lab.out, name)}`);
}

/** Two products in the cart with live updates on; returns the replica serving this browser. */
async function fillCart(lab: Lab): Promise<string> {
  await lab.shop.goto(lab.shopUrl);
  for (const n of [2, 0]) {
    const item = lab.shop.locator('#catalog li').nth(n);
    const name = ((await item.locator('.name').textContent()) ?? '').trim();
    await item.getByRole('button', { name: `Add ${name} to the cart` }).click();
    await waitFor(`"Added … ${name}"`, async () => (await text(lab.shop, '#messages')).endsWith(`${name}.`), WAIT);
  }
  await waitFor('live updates on the shop page', async () => /^app\d+$/.test((await lab.shop.locator('#live').getAttribute('data-replica')) ?? ''), WAIT);
  return text(lab.shop, '#served-by');
}

/** The dashboard with every simulated client answered, some with items on `replica`. */
async function clientsOn(lab: Lab, replica: string): Promise<void> {
  await lab.dash.goto(lab.dashUrl);
  await waitFor(`a simulated client with items on ${replica}`, () =>
    lab.dash.locator('#clients .tile').evaluateAll(
      (tiles, r) => tiles.length === 12 && tiles.some((t) => t.querySelector('[data-field=replica]')?.textContent === r && /^[1-9]/.test(t.querySelector('[data-field=what]')?.textContent ?? '')),
      replica,
    ),
  WAIT);
}

/** How many seconds of requests the dashboard's timeline shows (its last axis label). */
function timelineSeconds(lab: Lab): Promise<number> {
  return lab.dash.locator('#timeline svg.timeline text').evaluateAll((els) => Math.max(0, ...els.map((e) => Number(/^(\d+(?:\.\d+)?) s$/.exec(e.textContent ?? '')?.[1] ?? 0))));
}

/** A timeline worth looking at: `seconds` more of it than now. */
async function moreTimeline(lab: Lab, seconds: number): Promise<void> {
  const from = await timelineSeconds(lab);
  await waitFor(`${seconds} s more on the timeline`, async () => (await timelineSeconds(lab)) >= from + seconds, WAIT);
}

async function post(lab: Lab, path: string): Promise<void> {
  const res = await fetch(`${lab.dashUrl}${path}`, { method: 'POST' });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
}

async function memoryPictures(lab: Lab): Promise<void> {
  const victim = await fillCart(lab);
  await shoot(lab.shop, lab, 'shop.png');
  await clientsOn(lab, victim);
  await moreTimeline(lab, 6);
  await post(lab, `api/replicas/${victim}/kill`);
  // No click: the page reads the cart itself once its socket closes.
  await lab.shop.locator('#messages .error', { hasText: 'Your cart lost' }).waitFor();
  await lab.shop.locator('#cart-empty').waitFor();
  await shoot(lab.shop, lab, 'shop-cart-lost.png');
  await waitFor('the dashboard to count lost carts', async () => Number(await text(lab.dash, '#carts-lost')) > 0, WAIT);
  await waitFor(`no client left on ${victim}`, () => lab.dash.locator('#clients .tile [data-field=replica]').evaluateAll((els, v) => els.every((e) => e.textContent !== v), victim), WAIT);
  await lab.dash.locator('#timeline svg.timeline text.fault', { hasText: `kill ${victim}` }).waitFor();
  await moreTimeline(lab, 6);
  await lab.dash.setViewportSize({ width: 1280, height: 1024 });
  await shoot(lab.dash, lab, 'dashboard.png');
  await shoot(lab.dash, lab, 'dashboard-timeline.png', true);
}

async function redisPictures(lab: Lab): Promise<void> {
  const holder = await fillCart(lab);
  await clientsOn(lab, holder);
  await moreTimeline(lab, 6);
  await post(lab, 'api/redis/pause');
  await waitFor('every simulated client failing', () => lab.dash.locator('#clients .tile').evaluateAll((tiles) => tiles.length === 12 && tiles.every((t) => t.classList.contains('failing'))), WAIT);
  await moreTimeline(lab, 4);
  await shoot(lab.dash, lab, 'dashboard-redis-paused.png', true);
  await post(lab, 'api/redis/resume');
}

async function main(out: string): Promise<void> {
  const chromium = findBinary('chromium') ?? findBinary('chromium-browser');
  if (!chromium) throw new Error('chromium not found: install it (sudo apt-get install -y chromium)');
  mkdirSync(out, { recursive: true });
  const { chromium: launcher } = require('playwright-core') as typeof import('playwright-core');
  const browser = await launcher.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  try {
    await withLab(browser, 'memory', out, memoryPictures);
    await withLab(browser, 'redis', out, redisPictures);
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main(resolve(process.argv[2] ?? join(REPO, 'docs/img'))).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`docs:images failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
