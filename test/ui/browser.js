"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHROMIUM = void 0;
exports.describeBrowser = describeBrowser;
exports.launch = launch;
exports.withLab = withLab;
exports.screenshots = screenshots;
exports.until = until;
// A real Chromium (the machine's, via playwright-core) against a real lab:
// topology + control server + dashboard, all on free loopback ports.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const playwright_core_1 = require("playwright-core");
const control_1 = require("../../apps/lab/src/control");
const wait_1 = require("../../apps/lab/src/util/wait");
const topology_1 = require("../support/topology");
exports.CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = (0, node_path_1.join)(__dirname, '..', '..', 'test-artifacts', 'ui');
/** `describeTopology`, also skipped (saying why) when Chromium is missing. */
function describeBrowser(name, store, fn) {
    if ((0, node_fs_1.existsSync)(exports.CHROMIUM))
        return (0, topology_1.describeTopology)(name, store, fn);
    (0, topology_1.describeSkipped)(name, `${exports.CHROMIUM} not installed (sudo apt-get install -y chromium)`);
}
function launch() {
    return playwright_core_1.chromium.launch({
        executablePath: exports.CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
}
/**
 * Boots the lab (as `npm run lab -- up` does: topology, then the control
 * server with the dashboard), opens both pages, runs `body`, and always tears
 * down. When `body` fails, both pages are saved to test-artifacts/ui/.
 */
async function withLab(name, opts, body) {
    await (0, topology_1.withTopology)(opts, async (topo) => {
        const control = await (0, control_1.startControlServer)({ topology: topo, port: 0 });
        try {
            const browser = await launch();
            try {
                const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
                context.setDefaultTimeout(20_000);
                const lab = { topo, shop: await context.newPage(), dash: await context.newPage(), shopUrl: `${topo.url}/ui/`, dashUrl: `${control.url}/` };
                try {
                    await body(lab);
                }
                catch (err) {
                    await screenshots(lab, `${name}-failed`);
                    throw err;
                }
            }
            finally {
                await browser.close();
            }
        }
        finally {
            await control.close();
        }
    });
}
/** Full-page screenshots (both pages unless `only`); returns their paths. */
async function screenshots(lab, prefix, only, dir = ARTIFACTS) {
    (0, node_fs_1.mkdirSync)(dir, { recursive: true });
    const out = [];
    const pages = [
        [lab.shop, 'shop'],
        [lab.dash, 'dashboard'],
    ];
    for (const [page, which] of pages.filter(([, w]) => !only || w === only)) {
        if (page.url() === 'about:blank')
            continue;
        const path = (0, node_path_1.join)(dir, `${prefix}-${which}.png`);
        await page.screenshot({ path, fullPage: true }).then(() => out.push(path), (err) => process.stderr.write(`could not save ${path}: ${err}\n`));
    }
    return out;
}
/** Polls a page-derived value until `accept` holds (bounded, never a sleep). */
function until(what, read, accept, timeoutMs = 30_000) {
    return (0, wait_1.waitFor)(what, async () => {
        const v = await read();
        return accept(v) ? { v } : false;
    }, { timeoutMs, intervalMs: 200 }).then((r) => r.v);
}
//# sourceMappingURL=browser.js.map