// `lab probe`: N users each put one item in their cart, then read it back
// M-1 times. Shows which replica served whom and whose cart survived.
import { natAddress, userAddress } from './addresses';
import { ackedItemsLost, LostItem, replicasSeenBy, servedBySequence } from './checkers';
import { History } from './history';
import { LabClient } from './lab-client';

export interface ProbeOptions {
  /** nginx entry URL. */
  url: string;
  clients: number;
  /** Requests per client, the first being the write (≥ 1). */
  requests: number;
  /** All clients in one /24 (a NAT) instead of one /24 each. */
  sameSubnet?: boolean;
  /** Item to add; the first product of the catalogue when omitted. */
  sku?: string;
  timeoutMs?: number;
  history?: History;
}

export interface ProbeClientResult {
  client: string;
  address: string;
  /** Distinct replicas that answered, in order of first appearance. */
  replicas: string[];
  /** Replica of every answered request, in order. */
  servedBy: string[];
  /** The add was acknowledged. */
  acked: boolean;
  /** true: every acknowledged item was in the last cart seen; false: lost; null: cannot tell (nothing acknowledged or no cart read). */
  survived: boolean | null;
  lost: LostItem[];
  counts: { ok: number; fail: number; unknown: number };
}

export interface ProbeResult {
  sku: string;
  sameSubnet: boolean;
  clients: ProbeClientResult[];
  history: History;
}

export async function probe(opts: ProbeOptions): Promise<ProbeResult> {
  if (opts.clients < 1 || opts.requests < 1) throw new RangeError('probe needs at least one client and one request');
  const history = opts.history ?? new History();
  const address = opts.sameSubnet ? natAddress : userAddress;
  const clients = Array.from({ length: opts.clients }, (_, i) =>
    new LabClient({ name: `c${i + 1}`, baseUrl: opts.url, sourceAddress: address(i), history, timeoutMs: opts.timeoutMs }),
  );
  try {
    const sku = opts.sku ?? (await catalogSkus(opts.url, opts.timeoutMs))[0];
    await Promise.all(clients.map((c) => runOne(c, sku, opts.requests)));
    return { sku, sameSubnet: !!opts.sameSubnet, clients: clients.map((c) => summarize(c, history)), history };
  } finally {
    for (const c of clients) c.close();
  }
}

/** The catalogue's SKUs, in order; an error naming the URL when it lists none. */
export async function catalogSkus(url: string, timeoutMs?: number): Promise<string[]> {
  const c = new LabClient({ name: 'catalogue', baseUrl: url, timeoutMs });
  try {
    const reply = await c.products();
    const skus = (reply.body ?? []).map((p) => p.sku);
    if (!reply.ok || !skus.length) throw new Error(`GET ${url}/products did not list a product (${reply.error ?? 'empty'})`);
    return skus;
  } finally {
    c.close();
  }
}

async function runOne(client: LabClient, sku: string, requests: number): Promise<void> {
  await client.addItem(sku, 1);
  for (let i = 1; i < requests; i++) await client.getCart();
}

function summarize(client: LabClient, history: History): ProbeClientResult {
  const mine = history.forClient(client.name);
  const check = ackedItemsLost(mine);
  const acked = mine.some((e) => e.op === 'addItem' && e.outcome === 'ok');
  const survived = check.valid === false ? false : acked && check.valid === true ? true : null;
  const count = (o: string) => mine.filter((e) => e.outcome === o).length;
  return {
    client: client.name,
    address: client.sourceAddress ?? '',
    replicas: replicasSeenBy(mine, client.name),
    servedBy: servedBySequence(mine, client.name),
    acked,
    survived,
    lost: check.lost,
    counts: { ok: count('ok'), fail: count('fail'), unknown: count('unknown') },
  };
}
