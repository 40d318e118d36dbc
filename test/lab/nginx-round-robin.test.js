"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// round-robin through the real nginx: no affinity, even spread, dead replicas
// routed around, and X-Forwarded-For taken from the TCP peer only.
const nginx_lab_1 = require("../support/nginx/nginx-lab");
const wait_1 = require("../../apps/lab/src/util/wait");
jest.setTimeout(60_000);
describe('nginx round-robin', () => {
    let lab;
    beforeEach(async () => {
        lab = await nginx_lab_1.NginxLab.start({ strategy: 'round-robin' });
    });
    afterEach(async () => {
        await lab?.close();
    });
    it('spreads requests evenly over every replica', () => lab.check(async () => {
        // 30 requests over 3 replicas, one worker: exactly 30 / 3 = 10 each.
        expect(await lab.many(30)).toEqual({ app1: 10, app2: 10, app3: 10 });
    }));
    it('routes around a replica that is gone, without a single error', () => lab.check(async () => {
        await lab.backends.stop('app2');
        // The first attempt at app2 is refused and retried on the next server
        // (proxy_next_upstream error), so all 30 answers are 200 from app1/app3.
        const tally = await lab.many(30);
        expect(tally.app2).toBeUndefined();
        expect((tally.app1 ?? 0) + (tally.app3 ?? 0)).toBe(30);
    }));
    it('takes the client address from the TCP peer, not from client headers', () => lab.check(async () => {
        const r = await lab.get('/', {
            from: '127.0.7.9',
            headers: { 'X-Forwarded-For': '203.0.113.66', 'X-Real-IP': '203.0.113.66' },
        });
        const seen = JSON.parse(r.body).headers;
        // Set at the edge, not appended: a client cannot choose the address the
        // replicas see (nor, with ip-hash, the replica).
        expect(seen['x-forwarded-for']).toBe('127.0.7.9');
        expect(seen['x-real-ip']).toBe('127.0.7.9');
        expect(seen['x-forwarded-proto']).toBe('http');
    }));
    it('reuses upstream connections (HTTP/1.1 keepalive to the replicas)', () => lab.check(async () => {
        // Round robin over 3: requests 1 and 4 both go to app1. With keepalive
        // the 4th reuses the connection of the 1st (same nginx source port).
        const bodies = [];
        for (let i = 0; i < 4; i++)
            bodies.push(JSON.parse((await lab.get('/')).body));
        expect(bodies[3].served_by).toBe(bodies[0].served_by);
        expect(bodies[3].remote_port).toBe(bodies[0].remote_port);
        expect(bodies[0].headers.connection).toBeUndefined();
    }));
    it('drops idle upstream connections after 4 s, before a Node replica would (5 s)', () => lab.check(async () => {
        // The keepalive 502 trap: if nginx kept idle connections longer than the
        // replica, it would reuse sockets the replica just closed.
        const served = (await lab.get('/')).servedBy;
        expect(lab.backends.openConnections(served)).toBe(1);
        const idleSince = Date.now();
        await (0, wait_1.waitFor)(`nginx to close its idle connection to ${served}`, () => lab.backends.openConnections(served) === 0, {
            timeoutMs: 9_000,
            intervalMs: 100,
        });
        const idleMs = Date.now() - idleSince;
        expect(idleMs).toBeGreaterThan(3_000);
        expect(idleMs).toBeLessThan(5_000);
    }));
});
//# sourceMappingURL=nginx-round-robin.test.js.map