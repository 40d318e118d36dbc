// Distinct client addresses under Compose. From the host every request
// through a published port reaches the balancer from the bridge gateway, so
// the address-hash strategies see one user. Instead the driver creates a
// bridge network of its own (a /16, labelled with the project so a sweep
// finds it), attaches the balancer to it, and gives the host one address per
// lab address on that bridge: lab address 127.0.X.Y becomes 10.N.X.Y, the
// same /24 structure (different users, one NAT) the process driver models on
// loopback. The lab clients bind those and talk to the balancer's address on
// that network directly: no NAT, no proxy, a real TCP peer. Removing the
// network removes the bridge and every address with it.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { run } from './cli';

/** Lab addresses the host gets: a /24 per user (127.0.X.1) and one NAT /24 (127.0.200.Y), as in client/addresses.ts. */
export function labAddresses(): string[] {
  const users = Array.from({ length: 254 }, (_, i) => `127.0.${i + 1}.1`);
  const nat = Array.from({ length: 254 }, (_, i) => `127.0.200.${i + 1}`).filter((a) => a !== '127.0.200.1');
  return [...users, ...nat];
}

/**
 * The lab address of routing probe `k` on the client network (which has only
 * 127.0.X.1 and 127.0.200.Y). Alternately a new /24, which nginx's ip_hash
 * keys on, and a new last octet in the shared /24, which HAProxy's map-based
 * source hash needs (the whole address modulo the servers' weight: 127.0.X.1
 * alone can miss a fourth server). Each kind takes every value in turn: odd
 * third octets only would fix the parity of ip_hash's last step, and with
 * four servers two of them were never reached.
 */
export function probeLabAddress(k: number): string {
  const j = Math.floor(k / 2);
  return k % 2 ? `127.0.200.${(j % 253) + 2}` : `127.0.${(j % 254) + 1}.1`;
}

export interface ClientNet {
  /** Docker network name (external in the project's override). */
  name: string;
  /** Bridge interface on the host (≤ 15 characters). */
  bridge: string;
  /** First two octets, e.g. `10.77`. */
  prefix: string;
  /** The balancer's fixed address on it. */
  balancer: string;
}

export function clientNet(project: string, second: number, random = randomBytes(4).toString('hex')): ClientNet {
  const prefix = `10.${second}`;
  return { name: `${project}_clients`, bridge: `slc${random}`, prefix, balancer: `${prefix}.255.254` };
}

/** The host address standing for `address` on `net`; throws for an address the host was not given. */
export function sourceFor(net: ClientNet, given: ReadonlySet<string>, address: string): string {
  if (!given.has(address)) {
    throw new Error(`the compose client network has no address for ${address} (it has 127.0.1.1–127.0.254.1 and 127.0.200.2–127.0.200.254)`);
  }
  return `${net.prefix}.${address.split('.').slice(2).join('.')}`;
}

/** `ip -batch` lines adding the host's addresses on the bridge. */
export function addressBatch(net: ClientNet, addresses: readonly string[]): string {
  return addresses.map((a) => `address add ${sourceFor(net, new Set([a]), a)}/16 dev ${net.bridge}`).join('\n') + '\n';
}

export function createArgs(net: ClientNet, project: string): string[] {
  return [
    'network', 'create', '--driver', 'bridge',
    '--subnet', `${net.prefix}.0.0/16`, '--gateway', `${net.prefix}.0.1`,
    // Docker hands out only this range; the host's addresses live below it.
    '--ip-range', `${net.prefix}.255.0/24`,
    '-o', `com.docker.network.bridge.name=${net.bridge}`,
    '--label', `com.docker.compose.project=${project}`,
    net.name,
  ];
}

/**
 * Why clients cannot get their own addresses here, or null. Adding addresses
 * to an interface needs root (CAP_NET_ADMIN) and iproute2's `ip`;
 * LAB_CLIENT_NET=off turns it off (every client then shares the bridge address).
 */
export function clientNetUnavailableReason(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.LAB_CLIENT_NET === 'off') return 'LAB_CLIENT_NET=off';
  if (process.getuid?.() !== 0) return 'giving lab clients their own addresses on a Docker bridge needs root (ip address add)';
  try {
    execFileSync('ip', ['-V'], { stdio: 'ignore', timeout: 5_000 });
  } catch {
    return 'iproute2 (`ip`) is not installed';
  }
  return null;
}

/** Creates the network on a free /16 in 10.32–10.223 (10.231 is docker-compose.clients.yml's); retries on a clash. */
export async function createClientNet(project: string): Promise<ClientNet> {
  let last: unknown;
  for (let attempt = 0; attempt < 6; attempt++) {
    let second = randomInt(32, 224);
    if (second === 231) second = 232;
    const net = clientNet(project, second);
    try {
      await run(['docker', ...createArgs(net, project)], { timeoutMs: 60_000 });
      return net;
    } catch (err) {
      last = err;
      if (!/overlap|already exists|in use/i.test(String((err as Error).message))) throw err;
    }
  }
  throw new Error(`no free /16 for the client network after 6 tries: ${(last as Error)?.message}`);
}

/** Gives the host every lab address on the bridge (one `ip -batch`). */
export async function addHostAddresses(net: ClientNet, addresses: readonly string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = execFile('ip', ['-batch', '-'], { timeout: 60_000 }, (err, _out, stderr) =>
      err ? reject(new Error(`ip -batch on ${net.bridge} failed: ${stderr || err.message}`)) : resolve(),
    );
    child.stdin?.end(addressBatch(net, addresses));
  });
}

/** Removes the network (its bridge, and the host's addresses with it). */
export async function removeClientNet(net: ClientNet): Promise<void> {
  await run(['docker', 'network', 'rm', net.name], { timeoutMs: 60_000 }).catch((err: Error) => {
    if (!/not found|No such network/i.test(err.message)) throw err;
  });
}

export function removeClientNetSync(net: ClientNet): void {
  try {
    execFileSync('docker', ['network', 'rm', net.name], { stdio: 'ignore', timeout: 60_000 });
  } catch {
    // exiting: the next run's sweep removes it by label
  }
}
