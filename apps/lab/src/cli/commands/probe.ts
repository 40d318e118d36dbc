import { probe as runProbe, ProbeClientResult } from '../../client';
import { intValue, parseCommand } from '../args';
import type { Command } from '../command';
import { fetchStatus, findLab } from '../lab';
import { CliIo, paint, printJson } from '../output';
import { renderTable } from '../table';

const survivedText = (io: CliIo, s: boolean | null) =>
  s === true ? paint(io, 'green', 'yes') : s === false ? paint(io, 'red', 'LOST') : paint(io, 'gray', 'unknown');

function summaryOf(clients: ProbeClientResult[]) {
  return {
    clients: clients.length,
    pinned: clients.filter((c) => c.replicas.length === 1).length,
    moved: clients.filter((c) => c.replicas.length > 1).length,
    replicas_used: new Set(clients.flatMap((c) => c.replicas)).size,
    carts_survived: clients.filter((c) => c.survived === true).length,
    carts_lost: clients.filter((c) => c.survived === false).length,
    carts_unknown: clients.filter((c) => c.survived === null).length,
  };
}

export const probe: Command = {
  name: 'probe',
  summary: 'N clients from distinct source addresses: who served them, did their carts survive',
  usage: `probe [--clients N] [--requests M] [--same-subnet] [--json]

  --clients N     clients, each from its own /24 (127.0.1.1, 127.0.2.1, …) (default 6, max 50)
  --requests M    requests per client: one add to cart, then M-1 cart reads (default 5, max 100)
  --same-subnet   put every client in one /24 (127.0.200.x), like users behind one NAT`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommand(
      argv,
      { clients: { type: 'string' }, requests: { type: 'string' }, 'same-subnet': { type: 'boolean' } },
      { min: 0, max: 0 },
    );
    const clients = intValue(values.clients, '--clients', 1, 50, 6);
    const requests = intValue(values.requests, '--requests', 1, 100, 5);
    const status = await fetchStatus(findLab(io));
    const result = await runProbe({ url: status.url, clients, requests, sameSubnet: !!values['same-subnet'] });
    const summary = summaryOf(result.clients);
    if (values.json) {
      const rows = result.clients.map(({ client, address, replicas, servedBy, acked, survived, lost, counts }) => ({
        client, address, replicas, served_by: servedBy, acked, survived, lost, counts,
      }));
      printJson(io, { url: status.url, strategy: status.strategy, store: status.store, sku: result.sku, same_subnet: result.sameSubnet, requests, clients: rows, summary });
      return 0;
    }
    io.out(
      renderTable<ProbeClientResult>(
        [
          { header: 'client', value: (c) => c.client },
          { header: 'source address', value: (c) => c.address },
          { header: 'replicas seen', value: (c) => c.replicas.join(' → ') || '-' },
          { header: 'cart survived', value: (c) => survivedText(io, c.survived) },
          { header: 'ok/fail/unknown', value: (c) => `${c.counts.ok}/${c.counts.fail}/${c.counts.unknown}` },
        ],
        result.clients,
      ),
    );
    io.out(
      `\n${clients} clients × ${requests} requests via ${status.strategy} (${status.store} store): ` +
        `${summary.pinned} stayed on one replica, ${summary.moved} moved, ${summary.replicas_used} replica(s) used; ` +
        `carts: ${summary.carts_survived} survived, ${summary.carts_lost} lost, ${summary.carts_unknown} unknown`,
    );
    return 0;
  },
};
