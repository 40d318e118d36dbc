// A replica's identity under the process driver: the address its balancer's
// server line names. nginx `hash … consistent` places a server on its ring by
// the text of that line (CRC32 of host and port), so a random port would draw
// a new ring every run. Instead appN listens on 127.88.S.N:3000, fixed by its
// name, as Compose's `appN:3000` is.
//
// S is a slot: two topologies running at once (two jest workers, `lab up`
// beside a report) cannot share an address, so each takes the lowest free
// slot and keeps it until its replicas are dead. A slot is held across
// processes by a listening socket on 127.88.S.254:3000 (the kernel lets it go
// when the holder dies, so no lock file goes stale) and within a process by
// the registry below, which makes a topology that is being torn down hand its
// slot to the next one to boot (the report overlaps one teardown with the
// next boot): a run alone on the machine always gets slot 0, the same ring.
import { createServer, Server } from 'node:net';
import { TopologyError } from '../../errors';
import { replicaIndex } from '../../names';

/** Compose's app port; the address, not the port, tells replicas apart. */
export const IDENTITY_PORT = 3000;
export const IDENTITY_NET = '127.88';
export const MAX_SLOTS = 64;
/** appN needs N ≤ this: the last octet of its address (254 is the slot's lock). */
export const MAX_REPLICA_INDEX = 250;
const LOCK_OCTET = 254;
/** Bound on waiting for a slot a teardown in this process is giving back. */
const HANDOVER_MS = 20_000;

export interface Identity {
  host: string;
  port: number;
}

/** Where `name` listens in `slot`; a clear error for a name without a usable index. */
export function replicaIdentity(slot: number, name: string): Identity {
  const n = replicaIndex(name);
  if (!Number.isInteger(n) || n < 1 || n > MAX_REPLICA_INDEX) {
    throw new TopologyError('invalid-argument', `the process driver gives fixed addresses to app1…app${MAX_REPLICA_INDEX} only, not '${name}'`);
  }
  return { host: `${IDENTITY_NET}.${slot}.${n}`, port: IDENTITY_PORT };
}

/** Refuses, before anything starts, more replicas than there are fixed addresses. */
export function checkAddressable(replicas: number): void {
  replicaIdentity(0, `app${replicas}`);
}

export interface SlotLease {
  readonly slot: number;
  /** Its teardown began: a boot in this process may wait for the slot instead of taking the next. */
  closing(): void;
  /** Gives the slot back (idempotent); call once the replicas are dead. */
  release(): Promise<void>;
}

interface Held {
  closing: boolean;
  released: Promise<void>;
}
const held = new Map<number, Held>();

/**
 * The lowest slot free in this process and on the machine, with `replicas`
 * (the boot's count) bindable in it: a replica left over from a lab that died
 * makes its slot unusable rather than failing the boot.
 */
export async function leaseSlot(replicas: number): Promise<SlotLease> {
  for (let slot = 0; slot < MAX_SLOTS; slot++) {
    const mine = held.get(slot);
    if (mine && !mine.closing) continue;
    if (mine) await handover(mine.released, slot);
    if (held.has(slot)) continue; // another boot in this process took it meanwhile
    const lock = await tryListen({ host: lockHost(slot), port: IDENTITY_PORT });
    if (!lock) continue;
    if (!(await bindable(slot, replicas))) {
      await close(lock);
      continue;
    }
    return register(slot, lock);
  }
  throw new Error(`no free replica slot: ${MAX_SLOTS} topologies hold ${IDENTITY_NET}.0-${MAX_SLOTS - 1}.*:${IDENTITY_PORT} (one per running topology)`);
}

function register(slot: number, lock: Server): SlotLease {
  let done: Promise<void> | undefined;
  let resolve!: () => void;
  const entry: Held = { closing: false, released: new Promise<void>((r) => (resolve = r)) };
  held.set(slot, entry);
  return {
    slot,
    closing: () => void (entry.closing = true),
    release: () =>
      (done ??= close(lock).finally(() => {
        held.delete(slot);
        resolve();
      })),
  };
}

async function handover(released: Promise<void>, slot: number): Promise<void> {
  const late = new Promise<'late'>((r) => setTimeout(r, HANDOVER_MS, 'late').unref());
  if ((await Promise.race([released, late])) === 'late') {
    throw new Error(`slot ${slot} was not given back within ${HANDOVER_MS} ms by the topology tearing down`);
  }
}

const lockHost = (slot: number) => `${IDENTITY_NET}.${slot}.${LOCK_OCTET}`;

async function bindable(slot: number, replicas: number): Promise<boolean> {
  const count = Math.min(replicas, MAX_REPLICA_INDEX);
  for (let n = 1; n <= count; n++) {
    const probe = await tryListen(replicaIdentity(slot, `app${n}`));
    if (!probe) return false;
    await close(probe);
  }
  return true;
}

/** A listening socket on `at`, or undefined when the address is taken; any other error is thrown, clearly. */
function tryListen(at: Identity): Promise<Server | undefined> {
  return new Promise((resolve, reject) => {
    const srv = createServer((sock) => sock.destroy());
    srv.unref();
    srv.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') resolve(undefined);
      else reject(new Error(`cannot bind ${at.host}:${at.port} for a replica's fixed address: ${err.message}`));
    });
    srv.listen({ host: at.host, port: at.port, exclusive: true }, () => resolve(srv));
  });
}

function close(srv: Server): Promise<void> {
  return new Promise((r) => srv.close(() => r()));
}
