"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_http_1 = require("node:http");
const replica_stats_1 = require("./replica-stats");
// What /stats answers decides what `lab status` and the dashboard show; a
// replica that answers garbage must read as "cannot say", not as zeros.
let server;
let url;
let answer;
beforeAll(async () => {
    server = (0, node_http_1.createServer)((_req, res) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body));
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${server.address().port}/`;
});
afterAll(() => new Promise((r) => server.close(r)));
it('reads the counters of a running replica', async () => {
    answer = { status: 200, body: JSON.stringify({ app_name: 'app1', sessions: 3, requests_served: 7, rss_bytes: 10, uptime_s: 1.5 }) };
    expect(await (0, replica_stats_1.fetchStats)({ state: 'running', url })).toEqual({ sessions: 3, requests_served: 7, rss_bytes: 10, uptime_s: 1.5 });
});
it.each([
    ['not JSON', { status: 200, body: '<html>' }],
    ['no counters', { status: 200, body: '{"sessions":1}' }],
    ['an error status', { status: 503, body: '{"requests_served":1}' }],
])('says null for %s', async (_what, reply) => {
    answer = reply;
    expect(await (0, replica_stats_1.fetchStats)({ state: 'running', url })).toBeNull();
});
it('does not ask a replica that is not running', async () => {
    answer = { status: 200, body: '{"requests_served":1}' };
    expect(await (0, replica_stats_1.fetchStats)({ state: 'paused', url })).toBeNull();
});
//# sourceMappingURL=replica-stats.spec.js.map