// The textbook number beside a measured ratio: what the published arithmetic
// of each placement says a membership change or a NAT does, for N replicas.
// Pure: (scenario, strategy, balancer, variant) in, { value, formula } out.
import type { BalancerEngine, Strategy } from '../topology/topology';
import type { RowTheory } from './trust';

export interface TheoryCell {
  scenario: string;
  strategy: Strategy;
  balancer?: BalancerEngine;
  variant?: string;
}

/** HAProxy's default hash-balance-factor in this lab (haproxy/render.ts): 125 % of the mean. */
export const BALANCE_FACTOR = 1.25;

type Family = 'modulo' | 'ring' | 'cookie' | 'bounded';

/** How a strategy places a client, as far as the theory cares. */
function family(strategy: Strategy, balancer: BalancerEngine): Family | undefined {
  if (strategy === 'ip-hash') return 'modulo'; // nginx ip_hash and HAProxy's map-based `balance source`
  if (strategy === 'consistent-hash') return 'ring';
  if (strategy === 'bounded-load') return 'bounded';
  if (strategy === 'sticky-cookie' || (strategy === 'stick-table' && balancer === 'haproxy')) return 'cookie';
  return undefined;
}

const pct = (x: number) => Math.round(x * 10000) / 100;
const moved = (value: number, formula: string): RowTheory => ({ metric: 'clients_moved_pct', value: pct(value), formula });
const skew = (value: number, formula: string): RowTheory => ({ metric: 'load_skew', value, formula });

/** The theory for a row, or undefined where no formula applies (round robin, no membership change). */
export function theoryFor(cell: TheoryCell, n: number): RowTheory | undefined {
  const balancer = cell.balancer ?? 'nginx';
  const f = family(cell.strategy, balancer);
  if (!f) return undefined;
  if (f === 'bounded') return skew(BALANCE_FACTOR, `bounded load: busiest server ≤ ⌈c · mean⌉ in flight, c = hash-balance-factor ${BALANCE_FACTOR * 100} % (Mirrokni et al.)`);
  switch (cell.scenario) {
    case 'scale-out':
      if (f === 'modulo') return moved(n / (n + 1), `modulo placement ${n} → ${n + 1}: N/(N+1) = ${n}/${n + 1} of keys move`);
      if (f === 'ring') return moved(1 / (n + 1), `consistent ring ${n} → ${n + 1}: ≈ 1/(N+1) = 1/${n + 1} of keys move, all to the new server`);
      return moved(0, 'a route cookie names its replica: existing clients stay');
    case 'replica-returns':
      if (f === 'cookie') return moved(0, 'the cookie was re-pinned to the replica that served meanwhile: nobody moves back');
      return moved(1 / n, `a returning replica takes back its 1/N = 1/${n} of clients`);
    case 'replica-killed':
    case 'replica-stopped':
      // A map-based HAProxy hash is rebuilt over the servers still up: more than 1/N move.
      if (f === 'modulo' && balancer === 'haproxy') return undefined;
      return moved(1 / n, `a replica that leaves takes its 1/N = 1/${n} of clients`);
    case 'maintenance':
      if (cell.variant === 'removed') {
        if (f === 'modulo' && balancer === 'nginx') return moved(1 - 1 / n, `modulo placement ${n} → ${n - 1}: keys stay only where h mod ${n} and h mod ${n - 1} name the same server: ${n - 1} of ${n} move`);
        if (f === 'ring') return moved(1 / n, `consistent ring ${n} → ${n - 1}: only the removed server's 1/N = 1/${n} move`);
        return undefined;
      }
      if (f === 'modulo' && balancer === 'haproxy') return undefined;
      return moved(1 / n, `\`down\` keeps the slot: only its 1/N = 1/${n} of clients move`);
    case 'nat':
      if (cell.variant === 'one address' && f !== 'cookie') return skew(n, `one address is one hash key: every client on one of ${n} replicas, skew N = ${n}`);
      if (f === 'modulo' && balancer === 'nginx') return skew(n, `ip_hash keys on the first three octets: one /24 is one key, skew N = ${n}`);
      if (f === 'cookie') return skew(1, 'first requests balanced round robin, then pinned by the cookie: even');
      return undefined;
    default:
      return undefined;
  }
}
