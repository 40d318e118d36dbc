// ip_hash through the real nginx: the key is the first three octets of the
// client address, so a /24 is one "client"; `down` keeps slots, removal remaps.
import { NginxLab } from '../support/nginx/nginx-lab';

jest.setTimeout(60_000);

/** 127.0.<subnet>.<host>: distinct subnets model distinct users, one subnet a NAT. */
const addr = (subnet: number, host = 1) => `127.0.${subnet}.${host}`;
const SUBNETS = Array.from({ length: 24 }, (_, i) => i + 1);

async function servedBy(lab: NginxLab, from: string): Promise<string> {
  const r = await lab.get('/', { from });
  expect(r.status).toBe(200);
  return r.servedBy;
}

async function mapping(lab: NginxLab): Promise<Map<number, string>> {
  const map = new Map<number, string>();
  for (const s of SUBNETS) map.set(s, await servedBy(lab, addr(s)));
  return map;
}

describe('nginx ip-hash', () => {
  let lab: NginxLab;
  beforeEach(async () => {
    lab = await NginxLab.start({ strategy: 'ip-hash' });
  });
  afterEach(async () => {
    await lab?.close();
  });

  it('sends a whole /24 to one replica (NAT collapse)', () =>
    lab.check(async () => {
      // 10 different hosts of 127.0.5.0/24, 3 requests each: 30 on one replica.
      const tally: Record<string, number> = {};
      for (let host = 1; host <= 10; host++)
        for (const name of [await servedBy(lab, addr(5, host)), await servedBy(lab, addr(5, host)), await servedBy(lab, addr(5, host))])
          tally[name] = (tally[name] ?? 0) + 1;
      expect(Object.values(tally)).toEqual([30]);
    }));

  it('spreads distinct /24s over the replicas and keeps each one sticky', () =>
    lab.check(async () => {
      const first = await mapping(lab);
      expect(new Set(first.values())).toEqual(new Set(['app1', 'app2', 'app3']));
      expect(await mapping(lab)).toEqual(first);
    }));

  it('`down` moves only the clients of that replica; removal remaps others too', () =>
    lab.check(async () => {
      const before = await mapping(lab);
      await lab.reconfigure({ down: ['app2'] });
      const markedDown = await mapping(lab);
      for (const s of SUBNETS) {
        if (before.get(s) === 'app2') expect(markedDown.get(s)).not.toBe('app2');
        else expect(markedDown.get(s)).toBe(before.get(s));
      }
      // Removing the server line changes the number of slots: ip_hash remaps
      // clients that were never on app2 (the lab's "scale in" surprise).
      await lab.reconfigure({ down: [], removed: ['app2'] });
      const removed = await mapping(lab);
      const movedElsewhere = SUBNETS.filter((s) => before.get(s) !== 'app2' && removed.get(s) !== before.get(s));
      expect(movedElsewhere.length).toBeGreaterThan(0);
    }));

  it('ignores a client-supplied X-Forwarded-For when choosing the replica', () =>
    lab.check(async () => {
      const own = await servedBy(lab, addr(9));
      for (const s of SUBNETS) {
        const r = await lab.get('/', { from: addr(9), headers: { 'X-Forwarded-For': addr(s) } });
        expect(r.servedBy).toBe(own);
      }
    }));
});
