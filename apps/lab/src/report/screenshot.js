"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderPng = renderPng;
const node_url_1 = require("node:url");
const find_binary_1 = require("../util/find-binary");
/**
 * Renders the HTML report to a full-page PNG with the machine's Chromium
 * (playwright-core, a dev dependency: loaded only when asked for).
 */
async function renderPng(htmlPath, pngPath) {
    const executablePath = (0, find_binary_1.findBinary)('chromium') ?? (0, find_binary_1.findBinary)('chromium-browser');
    if (!executablePath)
        throw new Error('chromium not found: install it (sudo apt-get install -y chromium) or open index.html in a browser');
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
        await page.goto((0, node_url_1.pathToFileURL)(htmlPath).href);
        await page.screenshot({ path: pngPath, fullPage: true });
    }
    finally {
        await browser.close();
    }
}
//# sourceMappingURL=screenshot.js.map