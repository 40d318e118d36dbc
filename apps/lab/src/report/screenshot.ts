import { pathToFileURL } from 'node:url';
import { findBinary } from '../util/find-binary';

/**
 * Renders the HTML report to a full-page PNG with the machine's Chromium
 * (playwright-core, a dev dependency: loaded only when asked for).
 */
export async function renderPng(htmlPath: string, pngPath: string): Promise<void> {
  const executablePath = findBinary('chromium') ?? findBinary('chromium-browser');
  if (!executablePath) throw new Error('chromium not found: install it (sudo apt-get install -y chromium) or open index.html in a browser');
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(htmlPath).href);
    await page.screenshot({ path: pngPath, fullPage: true });
  } finally {
    await browser.close();
  }
}
