// Vectors worked out from nginx's C arithmetic (ngx_http_upstream_ip_hash_module.c,
// ngx_http_upstream_hash_module.c) by hand and with Python's zlib.crc32, not
// with the code under test: the expected values are written out below.
import type { ConfigServer } from '../util/placement';
import { crc32 } from './crc32';
import { ipHash, ketama, ketamaRing, nginxReplay, nginxUpstream } from './replay';

const servers = (n: number, down: string[] = []): ConfigServer[] =>
  Array.from({ length: n }, (_, i) => ({ name: `app${i + 1}`, address: `127.88.0.${i + 1}:3000`, weight: 1, down: down.includes(`app${i + 1}`) }));
const none = new Set<string>();

describe('nginx ip_hash replay', () => {
  it('hashes the first three octets from 89 and takes hash % total weight', () => {
    // 127.0.1.1: (89·113 + 127) % 6271 = 3913; (3913·113 + 0) % 6271 = 3199;
    // (3199·113 + 1) % 6271 = 4041. 4041 % 3 = 0 → app1; 4041 % 4 = 1 → app2.
    expect(ipHash(servers(3), none, '127.0.1.1')).toBe('app1');
    expect(ipHash(servers(4), none, '127.0.1.1')).toBe('app2');
    // 127.0.2.1 and 127.0.3.1 differ only in the third octet: 4042 → app2, 4043 → app3.
    expect(ipHash(servers(3), none, '127.0.2.1')).toBe('app2');
    expect(ipHash(servers(3), none, '127.0.3.1')).toBe('app3');
    // The fourth octet is not hashed: one /24 is one replica.
    expect(ipHash(servers(3), none, '127.0.2.200')).toBe('app2');
  });

  it('mixes the octets in again past a down (or dead) server; the down one keeps its slot', () => {
    // 127.0.2.1: 4042 % 3 = 1 → app2 down; again from 4042: (4042·113 + 127) % 6271 = 5361,
    // (5361·113 + 0) % 6271 = 3777, (3777·113 + 2) % 6271 = 375; 375 % 3 = 0 → app1.
    expect(ipHash(servers(3, ['app2']), none, '127.0.2.1')).toBe('app1');
    expect(ipHash(servers(3), new Set(['app2']), '127.0.2.1')).toBe('app1');
    // 127.0.200.7: 4240 → app2 (down), 6232 → app2 again, 645 % 3 = 0 → app1.
    expect(ipHash(servers(3, ['app2']), none, '127.0.200.7')).toBe('app1');
    // A client not on app2 is not moved by `down`.
    expect(ipHash(servers(3, ['app2']), none, '127.0.3.1')).toBe('app3');
  });

  it('gives up where nginx falls back to round robin, and does not guess IPv6', () => {
    expect(ipHash(servers(3, ['app1', 'app2', 'app3']), none, '127.0.1.1')).toBeUndefined();
    expect(ipHash(servers(3), none, '::1')).toBeUndefined();
  });
});

describe('nginx hash … consistent (ketama) replay', () => {
  it('uses crc32 as nginx does (IEEE, reflected): the check value of "123456789" is cbf43926', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });

  it('puts 160 points per server at crc32(HOST \\0 PORT prev), prev starting at four zero bytes', () => {
    const ring = ketamaRing(servers(3));
    expect(ring).toHaveLength(480);
    // zlib.crc32(b'127.88.0.1\x003000\x00\x00\x00\x00') = 0xf371943d
    expect(ring).toContainEqual({ hash: 0xf371943d, server: '127.88.0.1:3000' });
    expect(ring.every((p, i) => i === 0 || p.hash > ring[i - 1].hash)).toBe(true);
  });

  it('sends a key to the first point ≥ crc32(key), and past a down server to the next point', () => {
    const ring = ketamaRing(servers(3));
    // crc32("127.0.1.1") = 0xd6758d9f; first point ≥ it is #407 (3598367371, app2); the next is app3's.
    expect(ketama(ring, servers(3), none, '127.0.1.1')).toBe('app2');
    expect(ketama(ring, servers(3), new Set(['app2']), '127.0.1.1')).toBe('app3');
    // crc32("127.0.2.1") = 0xd43333c6 → #401 (3561613123, app1), untouched by app2's death.
    expect(ketama(ring, servers(3), new Set(['app2']), '127.0.2.1')).toBe('app1');
    // $request_uri keys: crc32("/cart") = 0xaf541863 → #343, app1.
    expect(ketama(ring, servers(3), none, '/cart')).toBe('app1');
  });

  it('keeps a key where it was when a fourth server adds its points elsewhere', () => {
    // With app4 the same points are #539 and #530: still app2 and app1.
    const ring4 = ketamaRing(servers(4));
    expect(ketama(ring4, servers(4), none, '127.0.1.1')).toBe('app2');
    expect(ketama(ring4, servers(4), none, '127.0.2.1')).toBe('app1');
  });

  it('depends on the text of the server line: another port is another ring', () => {
    const other = servers(3).map((s) => ({ ...s, address: s.address.replace(':3000', ':3001') }));
    const a = ketamaRing(servers(3)).map((p) => p.hash);
    const b = ketamaRing(other).map((p) => p.hash);
    expect(a).not.toEqual(b);
  });
});

describe('nginxUpstream / nginxReplay', () => {
  const conf = (method: string) => `# ---- x.conf\nupstream lab_backend {\n    ${method};\n    server 127.88.0.1:3000 max_fails=1 fail_timeout=2s;  # app1\n    server 127.88.0.2:3000 down;  # app2\n    server 127.88.0.3:3000 max_fails=1 fail_timeout=2s;  # app3\n    include /x/upstream.conf;\n}\n`;

  it('reads the balancing line and the server lines, `down` included, names from the comments', () => {
    const u = nginxUpstream(conf('hash $remote_addr consistent'))!;
    expect(u.method).toBe('hash $remote_addr consistent');
    expect(u.servers.map((s) => [s.name, s.address, s.down])).toEqual([
      ['app1', '127.88.0.1:3000', false],
      ['app2', '127.88.0.2:3000', true],
      ['app3', '127.88.0.3:3000', false],
    ]);
  });

  it('replays ip_hash and both consistent keys, and nothing else', () => {
    expect(nginxReplay(nginxUpstream(conf('ip_hash'))!)!(none)({ address: '127.0.2.1', uri: '/' })).toBe('app1');
    expect(nginxReplay(nginxUpstream(conf('hash $request_uri consistent'))!)!(none)({ address: '127.0.2.1', uri: '/cart' })).toBe('app1');
    expect(nginxReplay(nginxUpstream(conf('hash $remote_addr consistent'))!)!(none)({ address: '127.0.1.1', uri: '/' })).toBe('app3');
    expect(nginxReplay({ method: '', servers: servers(3) })).toBeUndefined();
    expect(nginxReplay({ method: 'hash $cookie_sid consistent', servers: servers(3) })).toBeUndefined();
    expect(nginxUpstream('upstream pool_app1 {\n}\n')).toBeUndefined();
  });
});
