"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.generationTag = generationTag;
exports.formatListen = formatListen;
exports.renderNginx = renderNginx;
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const envsubst_1 = require("./envsubst");
const main_conf_1 = require("./main-conf");
const paths_1 = require("./paths");
const upstreams_1 = require("./upstreams");
const version_1 = require("./version");
/** What /__lab/generation answers: `<instance>-<generation>`, or the bare generation without an instance. */
function generationTag({ generation, instance }) {
    return instance ? `${instance}-${generation}` : String(generation);
}
function formatListen({ host, port }) {
    return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
function scriptInput(o, version) {
    const p = (0, main_conf_1.runPaths)(o.runDir);
    return {
        LB_STRATEGY: o.strategy,
        LAB_REPLICAS: o.replicas.map((r) => `${r.name}=${formatListen(r)}`).join(' '),
        LAB_DOWN: o.replicas.filter((r) => r.down).map((r) => r.name).join(' '),
        LAB_LISTEN: formatListen(o.listen),
        LAB_GENERATION: generationTag(o),
        LAB_ACCESS_LOG: p.accessLog,
        LAB_INCLUDE_DIR: p.includeDir,
        LAB_NGINX_VERSION: version,
        LAB_STICKY: o.sticky ?? 'auto',
        ...(o.proxyReadTimeout ? { LAB_PROXY_READ_TIMEOUT: o.proxyReadTimeout } : {}),
    };
}
async function renderFile(template, out, vars) {
    const text = (0, envsubst_1.envsubst)(await (0, promises_1.readFile)(template, 'utf8'), vars, template);
    await (0, promises_1.writeFile)(out, text);
    return `# ---- ${out} (from ${(0, node_path_1.basename)(template)})\n${text}`;
}
/**
 * Renders the strategy template and snippets with the variables computed by
 * the shared upstream script, plus a main config for a private local run.
 * Re-rendering into the same runDir overwrites it in place (for reloads).
 */
async function renderNginx(o) {
    if (!o.replicas.length)
        throw new Error('renderNginx: no replicas');
    const p = (0, main_conf_1.runPaths)(o.runDir);
    await Promise.all([p.includeDir, p.logsDir, p.tmpDir].map((d) => (0, promises_1.mkdir)(d, { recursive: true })));
    const version = o.version ?? (await (0, version_1.nginxVersion)(o.binary ?? (0, version_1.nginxBinary)()));
    const vars = await (0, upstreams_1.runUpstreamsScript)(scriptInput(o, version));
    const snippets = (await (0, promises_1.readdir)((0, node_path_1.join)((0, paths_1.templatesDir)(), 'snippets'))).filter((f) => f.endsWith('.template')).sort();
    const parts = await Promise.all([
        renderFile((0, node_path_1.join)((0, paths_1.templatesDir)(), vars.LAB_TEMPLATE), p.strategyConf, vars),
        ...snippets.map((f) => renderFile((0, node_path_1.join)((0, paths_1.templatesDir)(), 'snippets', f), (0, node_path_1.join)(p.includeDir, f.replace(/\.template$/, '')), vars)),
    ]);
    const main = (0, main_conf_1.mainConf)(o.runDir);
    await (0, promises_1.writeFile)(p.mainConf, main);
    const stickyMode = vars.LAB_STICKY_MODE;
    const meta = { listen: o.listen, generation: o.generation, instance: o.instance, strategy: o.strategy, stickyMode, version };
    await (0, promises_1.writeFile)(p.meta, JSON.stringify(meta, null, 2));
    const text = [`# ---- ${p.mainConf}\n${main}`, ...parts].join('\n');
    return { confPath: p.mainConf, text, stickyMode, version, vars };
}
//# sourceMappingURL=render.js.map