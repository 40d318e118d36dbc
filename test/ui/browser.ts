// A real Chromium (the machine's, via playwright-core) against a real lab:
// topology + control server + dashboard, all on free loopback ports.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startControlServer } from '../../apps/lab/src/control';
import { waitFor } from '../../apps/lab/src/util/wait';
import type { Topology } from '../../apps/lab/src/topology';
import { describeSkipped, describeTopology, TestTopologyOptions, withTopology } from '../support/topology';

export const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'ui');

/** `describeTopology`, also skipped (saying why) when Chromium is missing. */
export function describeBrowser(name: string, store: 'memory' | 'redis', fn: () => void): void {
  if (existsSync(CHROMIUM)) return describeTopology(name, store, fn);
  describeSkipped(name, `${CHROMIUM} not installed (sudo apt-get install -y chromium)`);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Lab {
  topo: Topology;
  shop: Page;
  dash: Page;
  shopUrl: string;
  dashUrl: string;
}

/**
 * Boots the lab (as `npm run lab -- up` does: topology, then the control
 * server with the dashboard), opens both pages, runs `body`, and always tears
 * down. When `body` fails, both pages are saved to test-artifacts/ui/.
 */
export async function withLab(name: string, opts: TestTopologyOptions, body: (lab: Lab) => Promise<void>): Promise<void> {
  await withTopology(opts, async (topo) => {
    const control = await startControlServer({ topology: topo, port: 0 });
    try {
      const browser = await launch();
      try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        context.setDefaultTimeout(20_000);
        const lab: Lab = { topo, shop: await context.newPage(), dash: await context.newPage(), shopUrl: `${topo.url}/ui/`, dashUrl: `${control.url}/` };
        try {
          await body(lab);
        } catch (err) {
          await screenshots(lab, `${name}-failed`);
          throw err;
        }
      } finally {
        await browser.close();
      }
    } finally {
      await control.close();
    }
  });
}

/** Full-page screenshots (both pages unless `only`); returns their paths. */
export async function screenshots(lab: Pick<Lab, 'shop' | 'dash'>, prefix: string, only?: 'shop' | 'dashboard', dir = ARTIFACTS): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  const pages = [
    [lab.shop, 'shop'],
    [lab.dash, 'dashboard'],
  ] as const;
  for (const [page, which] of pages.filter(([, w]) => !only || w === only)) {
    if (page.url() === 'about:blank') continue;
    const path = join(dir, `${prefix}-${which}.png`);
    await page.screenshot({ path, fullPage: true }).then(
      () => out.push(path),
      (err) => process.stderr.write(`could not save ${path}: ${err}\n`),
    );
  }
  return out;
}

/** Polls a page-derived value until `accept` holds (bounded, never a sleep). */
export function until<T>(what: string, read: () => Promise<T>, accept: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  return waitFor(what, async () => {
    const v = await read();
    return accept(v) ? { v } : false;
  }, { timeoutMs, intervalMs: 200 }).then((r) => r.v);
}
