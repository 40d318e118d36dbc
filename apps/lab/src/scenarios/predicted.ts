// Predicted beside measured: for a deterministic strategy the balancer's own
// arithmetic, replayed from the config it was running (nginx/replay.ts,
// haproxy/replay.ts), says where every client goes before and after a fault.
// A row then carries what the replay predicts; agreement below 100 % is a
// finding about the lab or about the model, never rounding.
import { entriesOf, HistoryEntry, HistoryLike } from '../client/history';
import type { LabClient } from '../client';
import { haproxyBackend, haproxyReplay } from '../haproxy/replay';
import { nginxReplay, nginxUpstream } from '../nginx/replay';
import type { Topology } from '../topology/topology';
import type { Placer, Replay } from '../util/placement';
import { loadSkew, pct } from './measures';
import type { MatrixRow } from './types';

export type Predicted = NonNullable<MatrixRow['predicted']>;

/** What the balancer placed at one moment: its replay from the config then, and what the clients saw. */
export interface Phase {
  /** Undefined for a strategy that is not deterministic: then nothing is predicted. */
  place: Placer | undefined;
  /** client → replica of its last answer (the scenario's `placement`). */
  measured: Record<string, string>;
}

/** The path a placement read asks for (LabClient.getCart): `$request_uri` / `balance uri` hash it. */
export const PLACEMENT_URI = '/cart';

/** The topology's replay of its current config, or undefined when its strategy is not deterministic. */
export async function currentReplay(topo: Topology): Promise<Replay | undefined> {
  const config = await topo.balancerConfig();
  if (topo.balancer === 'haproxy') {
    const b = haproxyBackend(config);
    return b && haproxyReplay(b);
  }
  const u = nginxUpstream(config);
  return u && nginxReplay(u);
}

/** Replicas that are killed or stopped now: the balancer routes around them as if they were down. */
export async function deadReplicas(topo: Topology): Promise<Set<string>> {
  const { replicas } = await topo.status();
  return new Set(replicas.filter((r) => r.state === 'killed' || r.state === 'stopped').map((r) => r.name));
}

/** The placer of the topology as it is now, or undefined (not deterministic). */
export async function placerNow(topo: Topology): Promise<Placer | undefined> {
  const replay = await currentReplay(topo);
  return replay?.(await deadReplicas(topo));
}

/**
 * The row's `predicted`: agreement = clients whose every measured placement
 * equals the replay's; moved = clients the replay puts elsewhere in the last
 * phase than in the first (with one phase: on more than one replica within
 * `history`, as steady-state and nat count it); skew = the busiest replica's share of the requests
 * in `history` (the row's window) as the last phase's replay places them.
 */
export function predict(clients: readonly LabClient[], phases: readonly Phase[], history: HistoryLike, replicas: readonly string[]): Predicted | undefined {
  if (!phases.length || phases.some((p) => !p.place)) return undefined;
  const address = new Map(clients.map((c) => [c.name, c.sourceAddress ?? '127.0.0.1']));
  const at = (p: Phase, client: string, uri = PLACEMENT_URI) => p.place!({ address: address.get(client)!, uri });
  const agree = clients.filter((c) => phases.every((p) => p.measured[c.name] !== undefined && p.measured[c.name] === at(p, c.name)));
  const first = phases[0];
  const last = phases[phases.length - 1];
  // The same requests the measured skew counts, each placed where the replay says.
  const placed: HistoryEntry[] = entriesOf(history)
    .filter((e) => address.has(e.client))
    .map((e) => ({ ...e, servedBy: at(last, e.client, e.path) }));
  // Across a fault: placed elsewhere after than before. Without one (one
  // phase): sent to more than one replica by its own requests (url-hash).
  const moved =
    phases.length > 1
      ? clients.filter((c) => at(first, c.name) !== at(last, c.name))
      : clients.filter((c) => new Set(placed.filter((e) => e.client === c.name && e.outcome === 'ok').map((e) => e.servedBy)).size > 1);
  return {
    placement_agreement_pct: round(pct(agree.length, clients.length)),
    clients_moved_pct: round(pct(moved.length, clients.length)),
    load_skew: round(loadSkew(placed, replicas)),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
