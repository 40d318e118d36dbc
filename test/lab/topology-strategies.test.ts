// Each strategy through the real nginx: who keeps a user on one replica, who
// spreads. Three replicas, memory store; one topology per strategy. (ip-hash
// and its /24 collapse are in client-probe.test.ts.)
import { clientsMoved, LabClient, natAddress, Reply } from '../../apps/lab/src/client';
import { describeTopology, withTopology } from '../support/topology';
import { closeAll, distribution, many, replicasOf, users } from '../support/topology-traffic';

jest.setTimeout(120_000);

/** Client name → the single replica that served all of its replies (fails if more than one). */
async function pinned(clients: LabClient[], n: number, op?: (c: LabClient) => Promise<Reply<unknown>>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const c of clients) {
    const replies = await many(c, n, op);
    expect({ client: c.name, replicas: replicasOf(replies), ok: replies.every((r) => r.ok) }).toEqual({
      client: c.name,
      replicas: [expect.any(String)],
      ok: true,
    });
    out[c.name] = replicasOf(replies)[0];
  }
  return out;
}

describeTopology('strategies through nginx', 'memory', () => {
  it('round-robin spreads one client evenly: 9 requests → 3 per replica', () =>
    withTopology({ driver: 'process', strategy: 'round-robin' }, async (topo) => {
      const [u] = users(topo.url, 1);
      try {
        // One nginx worker, three equal servers: strict rotation.
        expect(distribution(await many(u, 9))).toEqual({ app1: 3, app2: 3, app3: 3 });
        const status = await topo.status();
        expect(status).toMatchObject({ driver: 'process', strategy: 'round-robin', nginx: { sticky: 'n/a' } });
        expect(status.replicas.map((r) => [r.name, r.state])).toEqual([
          ['app1', 'running'],
          ['app2', 'running'],
          ['app3', 'running'],
        ]);
      } finally {
        closeAll([u]);
      }
    }));

  it('consistent-hash pins each client IP; adding app4 moves clients only onto app4', () =>
    withTopology({ driver: 'process', strategy: 'consistent-hash' }, async (topo) => {
      const clients = users(topo.url, 12);
      try {
        const before = await pinned(clients, 10);
        // 12 distinct IPs on a 3-server ring: all on one server has p ≈ 3·(1/3)^12.
        expect(new Set(Object.values(before)).size).toBeGreaterThan(1);

        expect(await topo.addReplica()).toBe('app4');
        const after = await pinned(clients, 3);
        const moves = clientsMoved(before, after);
        // Ketama: the new server's points only take key ranges, so nobody
        // moves between old replicas, and about 1/4 of the clients move.
        expect(moves.filter((m) => m.to !== 'app4')).toEqual([]);
        expect(moves.length).toBeLessThan(clients.length);
        expect((await topo.status()).replicas.find((r) => r.name === 'app4')?.state).toBe('running');
      } finally {
        closeAll(clients);
      }
    }));

  it('sticky-cookie pins by cookie (even behind one NAT), ignores a forged value, re-pins after failover', () =>
    withTopology({ driver: 'process', strategy: 'sticky-cookie' }, async (topo) => {
      const nat = Array.from({ length: 6 }, (_, i) => new LabClient({ name: `n${i + 1}`, baseUrl: topo.url, sourceAddress: natAddress(i) }));
      const forger = new LabClient({ name: 'forger', baseUrl: topo.url, sourceAddress: natAddress(10) });
      try {
        expect((await topo.status()).nginx.sticky).toBe('portable');
        // One /24, yet the first (cookie-less) requests rotate: the cookie, not the IP, pins.
        const placed = await pinned(nat, 10);
        expect(new Set(Object.values(placed)).size).toBeGreaterThan(1);
        for (const c of nat) expect(c.cookies().route).toBe(placed[c.name]);

        forger.setCookie('route', '127.0.0.1:22');
        const forged = await forger.root();
        expect(forged.ok).toBe(true);
        expect(['app1', 'app2', 'app3']).toContain(forged.servedBy);
        expect(forger.cookies().route).toBe(forged.servedBy);

        const victim = nat[0];
        const dead = placed[victim.name];
        await topo.kill(dead);
        const failover = await many(victim, 6);
        expect(failover.every((r) => r.ok)).toBe(true);
        const [moved, ...rest] = replicasOf(failover);
        expect({ moved, rest, route: victim.cookies().route }).toEqual({ moved: expect.not.stringMatching(dead), rest: [], route: moved });
      } finally {
        closeAll([...nat, forger]);
      }
    }));

  it('url-hash pins a URL, not a user: every user gets /cart from one replica, other URLs spread', () =>
    withTopology({ driver: 'process', strategy: 'url-hash' }, async (topo) => {
      const clients = users(topo.url, 4);
      try {
        const byUser = await pinned(clients, 5);
        expect(new Set(Object.values(byUser)).size).toBe(1);
        const pages = await Promise.all(Array.from({ length: 12 }, (_, i) => clients[0].request('GET', `/?page=${i}`)));
        // 12 URLs on a 3-server ring: all on one server has p ≈ 3·(1/3)^12.
        expect(replicasOf(pages).length).toBeGreaterThan(1);
      } finally {
        closeAll(clients);
      }
    }));
});
