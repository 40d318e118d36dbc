// Predicted vs measured through the real balancers: for every deterministic
// strategy the replay of the rendered config (nginx/replay.ts,
// haproxy/replay.ts) must name the replica that actually answers, for every
// client address and URI, in steady state, with a server `down`/`disabled`,
// after a scale-out, and with a replica dead. One balancer per strategy in
// front of small echo servers: cheap, so many keys.
import { haproxyBackend, haproxyReplay } from '../../apps/lab/src/haproxy/replay';
import { nginxReplay, nginxUpstream } from '../../apps/lab/src/nginx/replay';
import type { Replay } from '../../apps/lab/src/util/placement';
import { waitFor } from '../../apps/lab/src/util/wait';
import { describeIfInstalled } from '../haproxy/support/requires';
import { HaproxyLab } from '../haproxy/support/haproxy-lab';
import type { ProbeResponse } from '../support/probe';
import { NginxLab } from '../support/nginx/nginx-lab';

jest.setTimeout(120_000);

// 40 addresses: two hosts in each of 20 /24s (ip_hash keys the /24, the others the whole address).
const ADDRESSES = Array.from({ length: 40 }, (_, i) => `127.0.${60 + Math.floor(i / 2)}.${(i % 2) + 1}`);
const URIS = ['/cart', '/cart/items', '/', '/catalog', '/cart?x=1', '/health/ready', '/a/b/c', '/x?y=z&w=1'];

interface Key {
  address: string;
  uri: string;
}

function keysFor(strategy: string): Key[] {
  if (strategy === 'url-hash') return URIS.flatMap((uri) => ADDRESSES.slice(0, 3).map((address) => ({ address, uri })));
  return ADDRESSES.map((address) => ({ address, uri: '/' }));
}

/** Every key through the balancer, one at a time; the keys whose answer is not the replay's, with both. */
async function disagreements(get: (k: Key) => Promise<ProbeResponse>, replay: Replay, strategy: string, dead: string[] = []): Promise<string[]> {
  const place = replay(new Set(dead));
  const out: string[] = [];
  for (const k of keysFor(strategy)) {
    const r = await get(k);
    const predicted = place(k);
    if (r.status !== 200 || r.servedBy !== predicted) out.push(`${k.address} ${k.uri}: measured ${r.status} ${r.servedBy}, predicted ${predicted}`);
  }
  return out;
}

const STRATEGIES = ['ip-hash', 'consistent-hash', 'url-hash'] as const;

/** What the four phases need of a balancer fixture (NginxLab, HaproxyLab). */
interface Fixture {
  get(path: string, o: { from: string }): Promise<ProbeResponse>;
  /** The replay of the config it runs now. */
  replay(): Replay;
  reconfigure(change: { down?: string[]; add?: string[] }): Promise<void>;
  /** Stops app3's server and resolves when the balancer routes around it. */
  killApp3(): Promise<void>;
}

async function fourPhases(f: Fixture, strategy: string): Promise<void> {
  const get = (k: Key) => f.get(k.uri, { from: k.address });
  expect(await disagreements(get, f.replay(), strategy)).toEqual([]);
  await f.reconfigure({ down: ['app2'] });
  expect(await disagreements(get, f.replay(), strategy)).toEqual([]);
  await f.reconfigure({ down: [], add: ['app4'] });
  expect(await disagreements(get, f.replay(), strategy)).toEqual([]);
  await f.killApp3();
  expect(await disagreements(get, f.replay(), strategy, ['app3'])).toEqual([]);
}

describe.each(STRATEGIES)('nginx %s: the replay names the replica that answers', (strategy) => {
  it('in steady state, with app2 down, after adding app4, and with app3 dead', async () => {
    const lab = await NginxLab.start({ strategy });
    try {
      const replay = () => nginxReplay(nginxUpstream(lab.rendered.text)!)!;
      // nginx needs no wait: the first refused connection fails the request over along the same walk.
      await lab.check(() => fourPhases({ get: (p, o) => lab.get(p, o), replay, reconfigure: (c) => lab.reconfigure(c), killApp3: () => lab.backends.stop('app3') }, strategy));
    } finally {
      await lab.close();
    }
  });
});

describeIfInstalled(__filename).each(STRATEGIES)('HAProxy %s: the replay names the replica that answers', (strategy) => {
  it('in steady state, with app2 disabled, after adding app4, and with app3 dead (once its checks fail)', async () => {
    const lab = await HaproxyLab.start({ strategy });
    try {
      const replay = () => haproxyReplay(haproxyBackend(lab.haproxy.config())!)!;
      const killApp3 = async () => {
        await lab.backends.stop('app3');
        await waitFor('HAProxy to mark app3 DOWN', async () => (await lab.api.servers()).find((s) => s.name === 'app3')?.opState === 0, { timeoutMs: 15_000 });
      };
      await lab.check(() => fourPhases({ get: (p, o) => lab.get(p, o), replay, reconfigure: (c) => lab.reconfigure(c), killApp3 }, strategy));
    } finally {
      await lab.close();
    }
  });
});
