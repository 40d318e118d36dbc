"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// What the balancer itself answers, on every strategy's shared snippets:
// errors in the API's JSON shape, /stats kept private, a per-client rate
// limit, an access log that never holds a replayable session cookie, and a
// route cookie that is Secure over https.
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_https_1 = require("node:https");
const node_net_1 = require("node:net");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const access_log_1 = require("../../apps/lab/src/nginx/access-log");
const main_conf_1 = require("../../apps/lab/src/nginx/main-conf");
const render_1 = require("../../apps/lab/src/nginx/render");
const echo_replicas_1 = require("../support/nginx/echo-replicas");
const nginx_lab_1 = require("../support/nginx/nginx-lab");
const probe_1 = require("../support/probe");
const free_port_1 = require("../../apps/lab/src/util/free-port");
const process_1 = require("../../apps/lab/src/nginx/process");
const wait_1 = require("../../apps/lab/src/util/wait");
const raw_http_1 = require("../support/raw-http");
jest.setTimeout(60_000);
function expectJsonError(r, status, error) {
    expect([r.status, r.contentType]).toEqual([status, 'application/json']);
    expect(JSON.parse(r.body)).toEqual({ statusCode: status, error, message: expect.any(String) });
}
/** `count` GETs written at once on one connection (HTTP/1.1 pipelining); resolves with everything read until the server closes. */
function pipelined(url, count, from) {
    const { hostname, port } = new URL(url);
    const requests = Array.from({ length: count }, (_, i) => `GET / HTTP/1.1\r\nHost: x\r\n${i === count - 1 ? 'Connection: close\r\n' : ''}\r\n`).join('');
    return new Promise((resolve, reject) => {
        const sock = (0, node_net_1.connect)({ host: hostname, port: Number(port), localAddress: from }, () => sock.write(requests));
        let text = '';
        const timer = setTimeout(() => sock.destroy(new Error(`flood not answered within 30 s (${text.length} bytes read)`)), 30_000);
        sock.on('data', (d) => (text += d.toString()));
        sock.on('close', () => {
            clearTimeout(timer);
            resolve(text);
        });
        sock.on('error', reject);
    });
}
describe('nginx edge (shared snippets)', () => {
    let lab;
    beforeEach(async () => {
        lab = await nginx_lab_1.NginxLab.start({ strategy: 'round-robin', replicas: ['app1', 'app2'] });
    });
    afterEach(async () => {
        await lab?.close();
    });
    const raw = async (request, from) => {
        const r = await (0, raw_http_1.rawRequest)(lab.url, request, { from });
        return { ...r, contentType: r.headers['content-type'] };
    };
    it.each([
        [400, 'a malformed request line', 'Bad Request', 'HELLO THERE\r\n\r\n'],
        [414, 'a URI over the header buffers', 'URI Too Long', `GET /${'a'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
        [413, 'a body over client_max_body_size', 'Payload Too Large', 'POST /cart/items HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n'],
        [501, 'an unknown transfer coding', 'Not Implemented', 'POST /cart/items HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip2\r\n\r\n'],
    ])('JSON %i from nginx itself for %s', (status, _what, error, request) => lab.check(async () => {
        const r = await raw(request);
        expectJsonError(r, status, error);
        expect(r.headers['x-served-by']).toBeUndefined();
    }));
    it('no replica left: a JSON 502, not an HTML page', () => lab.check(async () => {
        await lab.backends.stop('app1');
        await lab.backends.stop('app2');
        const r = await (0, probe_1.probe)(`${lab.url}/cart`);
        expect(r.servedBy).toBe('');
        expect([r.status, JSON.parse(r.body)]).toEqual([502, { statusCode: 502, error: 'Bad Gateway', message: expect.stringMatching(/no replica/) }]);
    }));
    it('/stats is not served through the balancer (403 JSON); other paths are', () => lab.check(async () => {
        const r = await raw('GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', '127.0.8.1');
        expectJsonError(r, 403, 'Forbidden');
        expect(r.headers['x-served-by']).toBeUndefined();
        // Express routes case-insensitively and ignores a trailing slash: so does the rule.
        for (const path of ['/STATS', '/stats/', '//stats', '/%73tats', '/stats?x=1']) {
            expect([path, (await (0, probe_1.probe)(`${lab.url}${path}`, { from: '127.0.8.1' })).status]).toEqual([path, 403]);
        }
        expect((await (0, probe_1.probe)(`${lab.url}/products`, { from: '127.0.8.1' })).status).toBe(200);
    }));
    it('the access log keeps a short fingerprint of the sid, never the cookie itself', () => lab.check(async () => {
        const signed = 's%3AsecretSessionId123.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2B%2Fab';
        await (0, probe_1.probe)(`${lab.url}/cart`, { headers: { Cookie: `sid=${signed}; route=app9` } });
        await (0, probe_1.probe)(`${lab.url}/cart`);
        const entries = await (0, wait_1.waitFor)('two access log lines', async () => {
            const all = await (0, access_log_1.readAccessLog)(lab.runDir);
            return all.length >= 2 ? all : null;
        });
        const text = JSON.stringify(entries);
        expect(text).not.toContain('secretSessionId123');
        expect(entries.map((e) => e.sid_fp)).toEqual(['AbCdEfGh', '']);
        expect(entries[0].cookie_route).toBe('app9');
    }));
    it('a flood from one address gets 429 JSON while another address is still served', () => lab.check(async () => {
        // rate 100 r/s, burst 400 answered at once. 2 × 600 pipelined requests
        // from 127.0.5.1: at most 400 + 100 × (seconds the flood lasts) pass,
        // the rest are refused at once, so even a slow machine sees 429s.
        const replies = (await Promise.all([pipelined(lab.url, 600, '127.0.5.1'), pipelined(lab.url, 600, '127.0.5.1')])).join('');
        const statuses = [...replies.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)].map((m) => Number(m[1]));
        expect(statuses.length).toBeGreaterThan(400);
        expect(statuses.filter((st) => st !== 200 && st !== 429)).toEqual([]);
        expect(statuses.filter((st) => st === 429).length).toBeGreaterThan(0);
        const body = /^HTTP\/1\.1 429 [^]*?\r\n\r\n(\{.*\})\n/m.exec(replies)?.[1];
        expect(JSON.parse(body ?? 'null')).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/too many requests/) });
        // Another client is not affected by the first one's flood.
        expect((await (0, probe_1.probe)(`${lab.url}/`, { from: '127.0.6.1' })).status).toBe(200);
    }));
});
describe('nginx sticky-cookie route cookie over https', () => {
    let backends;
    let nginx;
    let runDir = '';
    afterEach(async () => {
        await nginx?.stop();
        await backends?.close();
        if (runDir)
            await (0, promises_1.rm)(runDir, { recursive: true, force: true });
    });
    it('is Secure when the client came over https, and not over plain http', async () => {
        runDir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'lab-nginx-tls-'));
        backends = await echo_replicas_1.EchoReplicas.start(['app1', 'app2']);
        const listen = { host: '127.0.0.1', port: await (0, free_port_1.freePort)() };
        const tlsPort = await (0, free_port_1.freePort)();
        const rendered = await (0, render_1.renderNginx)({ strategy: 'sticky-cookie', sticky: 'portable', replicas: backends.replicas(), listen, runDir, generation: 1 });
        // A second, TLS listener on the same server block (the lab itself serves plain http).
        const [cert, key] = [(0, node_path_1.join)(runDir, 'cert.pem'), (0, node_path_1.join)(runDir, 'key.pem')];
        (0, node_child_process_1.execFileSync)('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
        const conf = (0, main_conf_1.runPaths)(runDir).strategyConf;
        const plain = `listen ${listen.host}:${listen.port};`;
        const text = (0, node_fs_1.readFileSync)(conf, 'utf8');
        expect(text).toContain(plain);
        (0, node_fs_1.writeFileSync)(conf, text.replace(plain, `${plain}\n    listen ${listen.host}:${tlsPort} ssl;\n    ssl_certificate ${cert};\n    ssl_certificate_key ${key};`));
        nginx = await process_1.NginxProcess.start({ runDir, confPath: rendered.confPath });
        const overHttps = await new Promise((resolve, reject) => (0, node_https_1.get)(`https://127.0.0.1:${tlsPort}/`, { rejectUnauthorized: false, agent: false }, (res) => {
            res.resume().on('end', () => resolve(res.headers['set-cookie'] ?? []));
        }).on('error', reject));
        const overHttp = (await (0, probe_1.probe)(`${nginx.url}/`)).setCookie;
        expect(overHttps.find((c) => c.startsWith('route='))).toMatch(/^route=app[12]; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
        expect(overHttp.find((c) => c.startsWith('route='))).toMatch(/^route=app[12]; Path=\/; HttpOnly; SameSite=Lax$/);
    });
});
//# sourceMappingURL=nginx-edge.test.js.map