// hash $remote_addr consistent (ketama) through the real nginx: sticky per
// full client address, and adding a replica moves only about 1/N of clients,
// all of them to the new replica.
import { nginxReplay, nginxUpstream } from '../../apps/lab/src/nginx/replay';
import { NginxLab } from '../support/nginx/nginx-lab';

jest.setTimeout(60_000);

// 120 clients, 4 per /24: unlike ip_hash, hosts of one /24 are distinct keys.
// Many keys, because the ring positions come from the servers' ports (random
// for these echo servers; the process driver fixes them by name) and crc32 of
// similar addresses clusters: with 40 keys app4's share varied from 1 to ~15
// between runs.
const CLIENTS = Array.from({ length: 120 }, (_, i) => `127.0.${Math.floor(i / 4) + 20}.${(i % 4) + 1}`);

async function mapping(lab: NginxLab): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const from of CLIENTS) {
    const r = await lab.get('/', { from });
    expect(r.status).toBe(200);
    map.set(from, r.servedBy);
  }
  return map;
}

describe('nginx consistent-hash', () => {
  let lab: NginxLab;
  beforeEach(async () => {
    lab = await NginxLab.start({ strategy: 'consistent-hash' });
  });
  afterEach(async () => {
    await lab?.close();
  });

  it('keeps each client address on one replica, and spreads addresses of one /24', () =>
    lab.check(async () => {
      const first = await mapping(lab);
      expect(await mapping(lab)).toEqual(first);
      expect(new Set(first.values())).toEqual(new Set(['app1', 'app2', 'app3']));
      const oneSubnet = new Set(CLIENTS.slice(0, 12).map((c) => first.get(c)));
      expect(oneSubnet.size).toBeGreaterThan(1);
    }));

  it('moves exactly the clients the ring replay says (a minority), all to the added replica', () =>
    lab.check(async () => {
      const place = () => nginxReplay(nginxUpstream(lab.rendered.text)!)!(new Set());
      const placeBefore = place();
      const before = await mapping(lab);
      await lab.reconfigure({ add: ['app4'] });
      const placeAfter = place();
      const after = await mapping(lab);
      const moved = CLIENTS.filter((c) => after.get(c) !== before.get(c));
      // Expected share 1/4 of 120 = 30 on average; these echo servers have
      // random ports, so this ring's share is its own, and the replay of it
      // (nginx/replay.ts) says exactly which clients move.
      const key = (address: string) => ({ address, uri: '/' });
      expect(moved).toEqual(CLIENTS.filter((c) => placeAfter(key(c)) !== placeBefore(key(c))));
      expect(moved.length).toBeGreaterThanOrEqual(1);
      expect(moved.length).toBeLessThanOrEqual(60);
      for (const c of moved) expect(after.get(c)).toBe('app4');
    }));
});
