// IPv6 client addresses for balancer tests. Loopback has only ::1 (a /128),
// so the test owns a veth pair whose root-side end holds addresses in a
// random ULA /48 (fdXX:XXXX:XXXX::/48, RFC 4193: never routed, and random so
// two runs at once do not collide); the peer end lives in a network
// namespace the test creates, and deleting that namespace removes both ends.
// Addresses on a local interface are local: sockets bind them and traffic
// between them never leaves the host.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface Ipv6Net {
  /** e.g. `fd3a:1b2c:4d5e` (a /48). */
  prefix: string;
  /** The address the balancer listens on: `<prefix>:0::1`. */
  listen: string;
  /** `n` addresses in ONE /64 (`<prefix>:1::/64`), random interface ids. */
  oneSlash64: string[];
  /** `n` addresses, each in its own /64 (`<prefix>:100::1`, `<prefix>:101::1`, …). */
  distinctSlash64s: string[];
  close(): Promise<void>;
}

function ip(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('ip', args, { timeout: 15_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`ip ${args.join(' ')}: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

const hex16 = () => randomBytes(2).toString('hex');

/**
 * An address as nginx writes it in $remote_addr (RFC 5952: no leading zeros,
 * the longest zero run as `::`), so a test can compare the two as strings.
 * Random groups are written with leading zeros ("0b52"); nginx says "b52".
 */
export const canonicalIpv6 = (a: string) => new URL(`http://[${a}]`).hostname.slice(1, -1);

/** A random 64-bit interface id, as four groups (never all zero). */
const interfaceId = () => `${(randomBytes(2).readUInt16BE() | 1).toString(16)}:${hex16()}:${hex16()}:${hex16()}`;

/**
 * Creates the namespace, the veth pair and `n` addresses per group; resolves
 * to a reason string instead when this machine cannot (not root, no `ip`, no
 * netns or veth support), so the caller skips saying why.
 */
export async function createIpv6Net(n: number): Promise<Ipv6Net | string> {
  if (process.getuid?.() !== 0) return 'needs root to create a network namespace and a veth pair';
  const tag = randomBytes(3).toString('hex');
  const ns = `labv6-${tag}`;
  const [near, far] = [`lv6${tag}a`, `lv6${tag}b`];
  const prefix = `fd${randomBytes(1).toString('hex')}:${hex16()}:${hex16()}`;
  const net: Ipv6Net = {
    prefix,
    listen: canonicalIpv6(`${prefix}:0::1`),
    oneSlash64: Array.from({ length: n }, () => canonicalIpv6(`${prefix}:1:${interfaceId()}`)),
    distinctSlash64s: Array.from({ length: n }, (_, i) => canonicalIpv6(`${prefix}:${(0x100 + i).toString(16)}::1`)),
    close: async () => {
      await ip(['netns', 'del', ns]);
    },
  };
  try {
    await ip(['netns', 'add', ns]);
  } catch (err) {
    return `cannot create a network namespace: ${(err as Error).message}`;
  }
  try {
    await ip(['link', 'add', near, 'type', 'veth', 'peer', 'name', far, 'netns', ns]);
    await ip(['link', 'set', near, 'up']);
    await ip(['-n', ns, 'link', 'set', far, 'up']);
    // nodad: no duplicate address detection, so the addresses are usable at
    // once (the prefix is random and private to this pair).
    const all = [net.listen, ...net.oneSlash64, ...net.distinctSlash64s];
    await ip(['-batch', '-'], all.map((a) => `address add ${a}/64 dev ${near} nodad\n`).join(''));
  } catch (err) {
    await net.close().catch(() => undefined);
    return `cannot set up a veth pair with IPv6 addresses: ${(err as Error).message}`;
  }
  return net;
}
