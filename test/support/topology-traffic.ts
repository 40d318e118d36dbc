// Traffic helpers in the spirit of nginx-tests' `many()`: one line asserts a
// whole distribution.
import { LabClient, Reply, userAddress } from '../../apps/lab/src/client';

/** `n` sequential calls of `op` (default GET /cart); the replies in order. */
export async function many<T = unknown>(client: LabClient, n: number, op?: (c: LabClient) => Promise<Reply<T>>): Promise<Reply<T>[]> {
  const call = op ?? ((c: LabClient) => c.getCart() as Promise<Reply<T>>);
  const out: Reply<T>[] = [];
  for (let i = 0; i < n; i++) out.push(await call(client));
  return out;
}

/** `{ app1: 3, app2: 3, … }` over the replies that named a replica. */
export function distribution(replies: Reply<unknown>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of replies) if (r.servedBy) out[r.servedBy] = (out[r.servedBy] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort());
}

/** Distinct replicas that answered, sorted. */
export function replicasOf(replies: Reply<unknown>[]): string[] {
  return Object.keys(distribution(replies));
}

/** Clients `u1…un` from distinct /24s (distinct users for ip_hash). */
export function users(baseUrl: string, n: number, extra: { timeoutMs?: number; first?: number } = {}): LabClient[] {
  const first = extra.first ?? 0;
  return Array.from({ length: n }, (_, i) =>
    new LabClient({ name: `u${first + i + 1}`, baseUrl, sourceAddress: userAddress(first + i), timeoutMs: extra.timeoutMs }),
  );
}

export function closeAll(clients: LabClient[]): void {
  for (const c of clients) c.close();
}
