// How many live sockets one session, one client address and the whole
// replica may hold, with the refusals counted per reason. Pure bookkeeping:
// the hub asks `refusal` at the handshake and calls `hold` once a socket
// exists; the function `hold` returns is called when that socket closes.

export interface SocketLimits {
  /** The whole replica (LIVE_MAX_SOCKETS). */
  max: number;
  /** One session cookie (LIVE_MAX_SOCKETS_PER_SESSION). */
  perSession: number;
  /** One client address, as the replica sees it through trusted proxies (LIVE_MAX_SOCKETS_PER_ADDRESS). */
  perAddress: number;
}

export type RefusalReason = 'replica' | 'session' | 'address';

export class SocketCaps {
  /** Handshakes refused, by the cap that refused them. */
  readonly refused: Record<RefusalReason, number> = { replica: 0, session: 0, address: 0 };
  private held = 0;
  private readonly bySession = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();

  constructor(readonly limits: SocketLimits) {}

  /** Why one more socket of `sid` from `address` is refused (and counted), or null. */
  refusal(sid: string, address: string): string | null {
    const why = this.reason(sid, address);
    if (why === null) return null;
    this.refused[why]++;
    const { max, perSession, perAddress } = this.limits;
    if (why === 'replica') return `this replica holds its maximum of ${max} live sockets`;
    if (why === 'session') return `this session holds its maximum of ${perSession} live sockets`;
    return `this address holds its maximum of ${perAddress} live sockets`;
  }

  /** Counts a socket until the returned function is called (once; later calls do nothing). */
  hold(sid: string, address: string): () => void {
    this.held++;
    bump(this.bySession, sid, 1);
    bump(this.byAddress, address, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held--;
      bump(this.bySession, sid, -1);
      bump(this.byAddress, address, -1);
    };
  }

  private reason(sid: string, address: string): RefusalReason | null {
    if (this.held >= this.limits.max) return 'replica';
    if ((this.bySession.get(sid) ?? 0) >= this.limits.perSession) return 'session';
    if ((this.byAddress.get(address) ?? 0) >= this.limits.perAddress) return 'address';
    return null;
  }
}

/** Keeps only non-zero counts, so the maps hold live keys only (bounded by the sockets held). */
function bump(m: Map<string, number>, key: string, by: number): void {
  const n = (m.get(key) ?? 0) + by;
  if (n > 0) m.set(key, n);
  else m.delete(key);
}

/**
 * The client address of `req` as Express' `req.ip` computes it: walk from
 * the TCP peer back through X-Forwarded-For while each hop is trusted
 * (`trust` is Express' compiled `trust proxy fn`); without one, the peer.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trust?: (addr: string, i: number) => boolean): string {
  const chain = [peer ?? ''];
  if (trust) {
    const xff = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
    chain.push(...xff.split(',').map((s) => s.trim()).filter(Boolean).reverse());
  }
  for (let i = 0; i < chain.length - 1; i++) if (!trust!(chain[i], i)) return chain[i];
  return chain[chain.length - 1];
}
