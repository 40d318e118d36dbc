// Two balancer instances in front of the SAME replicas. Variant "alternate":
// every user's requests go to lb1 and lb2 in turn (DNS round robin over two
// balancers). Variant "lb1 dies": users talk to lb1, lb1 is SIGKILLed, they
// switch to lb2. Does a user keep its replica across balancers?
import { clientsStayed, History, isFault, LabClient, replicasSeenBy, userAddress } from '../client';
import { all, cartsCheck, closeAll, CLIENTS, placement, Run, runScenario, spread } from './harness';
import { ExtraBalancer, startExtraBalancer, upstreamOf } from './extra-balancer';
import { Nemesis } from './nemesis';
import { matrixRow } from './row';
import type { MatrixRow, RunOptions, ScenarioParams, ScenarioResult } from './types';
import { freePort } from '../util/free-port';
import { waitFor } from '../util/wait';
import type { HaproxyPeers } from '../haproxy';

export const ID = 'balancer-failover';

export interface FailoverVariantFacts {
  /** Users answered by more than one replica (alternate) or moved across the kill (lb1 dies). */
  movedClients: string[];
  lostClients: string[];
  /** Users per replica at the end. */
  spread: string;
  /** Requests sent to the dead lb1 after the kill, and how many of them got an answer (must be 0). */
  deadProbe?: { sent: number; answered: number; slowestMs: number };
}

export interface FailoverFacts {
  alternate: FailoverVariantFacts;
  lb1Dies: FailoverVariantFacts;
  /** stick-table only: the same two variants with the table shared through `peers`. */
  alternatePeers?: FailoverVariantFacts;
  lb1DiesPeers?: FailoverVariantFacts;
}

/** One user, two doors: a lab client per balancer, one cookie jar between them (a browser behind a DNS name with two addresses). */
export class TwoDoorUser {
  constructor(readonly doors: readonly [LabClient, LabClient]) {}

  get name(): string {
    return this.doors[0].name;
  }

  /** The client for balancer `i`, holding every cookie the user got through either door. */
  via(i: 0 | 1): LabClient {
    const [to, from] = [this.doors[i], this.doors[1 - i]];
    for (const [k, v] of Object.entries(from.cookies())) to.setCookie(k, v);
    return to;
  }

  close(): void {
    closeAll(this.doors);
  }
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<FailoverFacts>> {
  return runScenario(params, options, async (r) => {
    const engine = params.balancer ?? 'nginx';
    const stick = params.strategy === 'stick-table';
    const plan: { key: keyof FailoverFacts; name: string; peers: boolean; kill: boolean }[] = [
      { key: 'alternate', name: 'alternate', peers: false, kill: false },
      { key: 'lb1Dies', name: 'lb1 dies', peers: false, kill: true },
      ...(stick && engine === 'haproxy'
        ? [
            { key: 'alternatePeers' as const, name: 'alternate, peers', peers: true, kill: false },
            { key: 'lb1DiesPeers' as const, name: 'lb1 dies, peers', peers: true, kill: true },
          ]
        : []),
    ];
    const rows: MatrixRow[] = [];
    const facts: Partial<FailoverFacts> = {};
    for (const [n, v] of plan.entries()) {
      const out = await variant(r, { ...v, offset: n * CLIENTS, prefix: String.fromCharCode(97 + n) });
      rows.push(out.row);
      facts[v.key] = out.facts;
    }
    return { rows, facts: facts as FailoverFacts };
  });
}

interface VariantPlan {
  name: string;
  peers: boolean;
  kill: boolean;
  /** Address index of the first user: each variant has its own users (a stick table keys on the address). */
  offset: number;
  prefix: string;
}

async function variant(r: Run, v: VariantPlan): Promise<{ row: MatrixRow; facts: FailoverVariantFacts }> {
  const own = new History();
  const pair = await startPair(r, v.peers);
  const users = Array.from({ length: CLIENTS }, (_, i) => twoDoorUser(`${v.prefix}${String(i + 1).padStart(2, '0')}`, userAddress(v.offset + i), pair, own));
  try {
    const facts = v.kill ? await lb1Dies(r, own, users, pair, v.peers) : await alternate(r, users, pair, v.peers);
    const row = variantRow(r, v.name, own, users.length, facts);
    return { row, facts: facts.facts };
  } finally {
    for (const b of pair) {
      r.extraLogs[`${v.name} ${b.name} config`] = b.config();
      r.extraLogs[`${v.name} ${b.name} error log`] = b.errorLog();
    }
    for (const u of users) u.close();
    for (const e of own.ops) r.history.record(e);
    await Promise.all(pair.map((b) => b.close()));
  }
}

function twoDoorUser(name: string, sourceAddress: string, pair: readonly ExtraBalancer[], history: History): TwoDoorUser {
  const door = (b: ExtraBalancer) => new LabClient({ name, baseUrl: b.url, sourceAddress, history });
  return new TwoDoorUser([door(pair[0]), door(pair[1])]);
}

/** lb1 and lb2 from the topology's replica list, in the same order; with `peers`, sharing one stick table. */
async function startPair(r: Run, peers: boolean): Promise<[ExtraBalancer, ExtraBalancer]> {
  const status = await r.topo.status();
  const upstreams = status.replicas.map((x) => upstreamOf(x.name, x.url));
  const engine = r.params.balancer ?? 'nginx';
  const shared = peers ? await peerList() : undefined;
  const start = (name: string) =>
    startExtraBalancer({ engine, strategy: r.params.strategy, name, upstreams, ...(shared ? { peers: { ...shared, local: name } } : {}) });
  const lb1 = await start('lb1');
  try {
    return [lb1, await start('lb2')];
  } catch (err) {
    await lb1.close();
    throw err;
  }
}

async function peerList(): Promise<Omit<HaproxyPeers, 'local'>> {
  return { peers: [{ name: 'lb1', host: '127.0.0.1', port: await freePort() }, { name: 'lb2', host: '127.0.0.1', port: await freePort() }] };
}

export interface Measured {
  facts: FailoverVariantFacts;
  /** clientsStayed across the kill, or the count of users seen on more than one replica. */
  moved: ReturnType<typeof clientsStayed> | number;
}

/** add via lb1, read via lb2, read via lb1, add via lb2, read via lb1, read via lb2. */
async function alternate(r: Run, users: TwoDoorUser[], pair: readonly ExtraBalancer[], peers: boolean): Promise<Measured> {
  const sku = (i: number, k: number) => r.skus[(i + k) % r.skus.length];
  const steps: [0 | 1, (c: LabClient, i: number) => Promise<unknown>][] = [
    [0, (c, i) => c.addItem(sku(i, 0), 1)],
    [1, (c) => c.getCart()],
    [0, (c) => c.getCart()],
    [1, (c, i) => c.addItem(sku(i, 1), 1)],
    [0, (c) => c.getCart()],
    [1, (c) => c.getCart()],
  ];
  for (const [k, [door, step]] of steps.entries()) {
    await all(users.map((u) => u.via(door)), step);
    if (k === 0 && peers) await untilLearnt(pair[1], users.length);
  }
  const history = users[0].doors[0].history;
  const movedClients = users.filter((u) => replicasSeenBy(history, u.name).length > 1).map((u) => u.name);
  const last = await placement(users.map((u) => u.via(1)));
  return { facts: { movedClients, lostClients: cartsCheck(history).lost, spread: spread(last) }, moved: movedClients.length };
}

/** Users fill through lb1; lb1 is killed; they go on through lb2. */
async function lb1Dies(r: Run, own: History, users: TwoDoorUser[], pair: readonly ExtraBalancer[], peers: boolean): Promise<Measured> {
  await all(users.map((u) => u.via(0)), (c, i) => c.addItem(r.skus[i % r.skus.length], 1));
  const before = await placement(users.map((u) => u.via(0)), 2);
  if (peers) await untilLearnt(pair[1], users.length);
  await new Nemesis(r.topo, own).killBalancer(pair[0].name, pair[0]);
  const deadProbe = await probeDead(users.slice(0, 3).map((u) => u.via(0)));
  await all(users.map((u) => u.via(1)), (c) => c.getCart());
  await all(users.map((u) => u.via(1)), (c, i) => c.addItem(r.skus[(i + 1) % r.skus.length], 1));
  const later = await placement(users.map((u) => u.via(1)), 2);
  const stayed = clientsStayed(before, later);
  const facts = { movedClients: stayed.moves.map((m) => m.client).sort(), lostClients: cartsCheck(own).lost, spread: spread(later), deadProbe };
  return { facts, moved: stayed };
}

/**
 * A request to the dead balancer must fail, and fast (connection refused),
 * never hang: its outcome lands in the history like any other request.
 */
async function probeDead(clients: LabClient[]): Promise<FailoverVariantFacts['deadProbe']> {
  const replies = await Promise.all(
    clients.map(async (c) => {
      const t0 = Date.now();
      const reply = await c.root();
      return { answered: !!reply.servedBy, ms: Date.now() - t0 };
    }),
  );
  return { sent: replies.length, answered: replies.filter((x) => x.answered).length, slowestMs: Math.max(...replies.map((x) => x.ms)) };
}

/** Peers push entries asynchronously: wait (bounded) until lb2 holds one per user. */
async function untilLearnt(lb: ExtraBalancer, n: number): Promise<void> {
  await waitFor(`${lb.name} to learn ${n} stick entries through peers`, async () => (await lb.stickTable()).length >= n, { timeoutMs: 10_000, intervalMs: 100 });
}

/**
 * The row of one variant. The probes sent to the dead lb1 fail by design and
 * are left out: the row counts what users felt through the live balancers.
 */
export function variantRow(r: Pick<Run, 'params' | 'replicas'>, name: string, own: History, clients: number, m: Measured): MatrixRow {
  const counted = own.ops.filter((op) => isFault(op) || op.op !== 'root');
  const lost = cartsCheck(counted);
  const note = `${m.facts.movedClients.length} of ${clients} users changed replica; at the end ${m.facts.spread || 'nobody placed'}`;
  return matrixRow(ID, r.params, { variant: name, clients, lost: lost.check, moved: m.moved, history: counted, replicas: r.replicas, note });
}

