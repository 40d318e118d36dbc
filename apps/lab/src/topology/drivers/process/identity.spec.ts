// Slots are real sockets on 127.88.S.*:3000 (the documented allocation), so
// these tests assert relations between leases, never a particular slot: other
// topologies on this machine may hold the low ones.
import { createServer, Server } from 'node:net';
import { leaseSlot, replicaIdentity, SlotLease } from './identity';

const listen = (host: string, port: number) =>
  new Promise<Server>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen({ host, port, exclusive: true }, () => resolve(srv));
  });
const close = (srv: Server) => new Promise((r) => srv.close(r));

describe('replicaIdentity', () => {
  it('fixes appN\'s address by its name and slot, on Compose\'s app port', () => {
    expect(replicaIdentity(0, 'app2')).toEqual({ host: '127.88.0.2', port: 3000 });
    expect(replicaIdentity(5, 'app12')).toEqual({ host: '127.88.5.12', port: 3000 });
  });

  it('refuses names without an index in 1…250, clearly', () => {
    for (const name of ['web', 'app0', 'app251']) expect(() => replicaIdentity(0, name)).toThrow(/fixed addresses to app1…app250 only/);
  });
});

describe('leaseSlot', () => {
  const leases: SlotLease[] = [];
  const lease = async (n = 3) => {
    const l = await leaseSlot(n);
    leases.push(l);
    return l;
  };
  afterEach(async () => {
    await Promise.all(leases.splice(0).map((l) => l.release()));
  });

  it('gives two live topologies different slots, and holds a slot against other processes', async () => {
    const a = await lease();
    const b = await lease();
    expect(b.slot).not.toBe(a.slot);
    // What another process meets: the lock address is taken.
    await expect(listen(`127.88.${a.slot}.254`, 3000)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('hands a closing topology\'s slot to the next boot in this process instead of drawing another', async () => {
    const a = await lease();
    a.closing();
    const next = lease();
    // Lets the boot reach the closing slot before it is given back (without the handover it would skip it).
    await new Promise((r) => setTimeout(r, 50));
    await a.release();
    expect((await next).slot).toBe(a.slot);
  });

  it('skips a slot where a replica address is still taken (a replica left over from a dead lab)', async () => {
    const a = await lease();
    await a.release();
    const orphan = await listen(replicaIdentity(a.slot, 'app1').host, 3000);
    try {
      expect((await lease(1)).slot).not.toBe(a.slot);
    } finally {
      await close(orphan);
    }
  });

  it('release is idempotent', async () => {
    const a = await lease();
    await Promise.all([a.release(), a.release()]);
    await a.release();
  });
});
