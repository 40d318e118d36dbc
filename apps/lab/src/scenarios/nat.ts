// Many users behind one NAT: one /24 (ip_hash's key) and one single address.
import { History, natAddress } from '../client';
import { loadSkew } from './measures';
import { all, cartsCheck, closeAll, fill, makeClients, Run, runScenario, spread } from './harness';
import { lastReplicaByClient, replicasSeenBy } from '../client';
import { placerNow, predict } from './predicted';
import { matrixRow } from './row';
import type { MatrixRow, RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'nat';
/** The one public address of the "office" variant. */
export const NAT_ADDRESS = '127.0.201.1';

export interface NatVariantFacts {
  replicasUsed: string[];
  loadSkew: number;
  /** Clients answered by more than one replica (affinity broken). */
  unstickyClients: string[];
  lostClients: string[];
}

export interface NatFacts {
  oneSubnet: NatVariantFacts;
  oneAddress: NatVariantFacts;
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<NatFacts>> {
  return runScenario(params, options, async (r) => {
    const subnet = await variant(r, 'one /24', natAddress, 's');
    const address = await variant(r, 'one address', () => NAT_ADDRESS, 'n');
    return { rows: [subnet.row, address.row], facts: { oneSubnet: subnet.facts, oneAddress: address.facts } };
  });
}

/** Each variant has its own clients and is counted over its own history. */
async function variant(r: Run, name: string, address: (i: number) => string, prefix: string): Promise<{ row: MatrixRow; facts: NatVariantFacts }> {
  const own = new History();
  const clients = makeClients({ ...r, history: own }, undefined, address, prefix);
  try {
    await fill(r, clients);
    for (let k = 0; k < 3; k++) await all(clients, (c) => c.getCart());
  } finally {
    closeAll(clients);
  }
  for (const e of own.entries) r.history.record(e);
  const place = lastReplicaByClient(own);
  const placer = await placerNow(r.topo);
  const carts = cartsCheck(own);
  const facts: NatVariantFacts = {
    replicasUsed: [...new Set(Object.values(place))].sort(),
    loadSkew: loadSkew(own, r.replicas),
    unstickyClients: clients.filter((c) => replicasSeenBy(own, c.name).length > 1).map((c) => c.name),
    lostClients: carts.lost,
  };
  const row = matrixRow(ID, r.params, {
    variant: name,
    clients: clients.length,
    lost: carts.check,
    moved: facts.unstickyClients.length,
    history: own,
    replicas: r.replicas,
    note: `clients per replica: ${spread(place)}`,
    predicted: predict(clients, [{ place: placer, measured: place }], own, r.replicas),
  });
  return { row, facts };
}
