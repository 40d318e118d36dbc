// Replicas are `app1`, `app2`, … everywhere.

export function replicaName(i: number): string {
  return `app${i}`;
}

export function replicaIndex(name: string): number {
  const m = /^app(\d+)$/.exec(name);
  return m ? Number(m[1]) : NaN;
}

/** `app{highest + 1}` of the current replicas (as the compose driver names them). */
export function nextReplicaName(names: Iterable<string>): string {
  const max = Math.max(0, ...[...names].map(replicaIndex).filter((n) => !Number.isNaN(n)));
  return replicaName(max + 1);
}

/** Sorts `app2` before `app10`. */
export function byReplicaIndex(a: string, b: string): number {
  return replicaIndex(a) - replicaIndex(b);
}
