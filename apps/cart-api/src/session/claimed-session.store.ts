import { RedisStore } from 'connect-redis';
import type { SessionData } from 'express-session';

type GetCb = (err: unknown, sess?: SessionData | null) => void;

/**
 * connect-redis for the /cart routes, where the cart script is the one Redis
 * round trip of a request: `get` answers without Redis with a session that
 * is only claimed (`createdAt: 0`), because express-session calls it only for
 * an id whose signature it verified, and the session holds nothing the cart
 * needs besides its id. The cart script then checks that `sess:<sid>` exists
 * (and slides its TTL) in the same round trip as the cart operation; an id
 * with no stored session gets no cart and is reported lost (see CartService).
 *
 * Such a session is never written back: express-session saves only a
 * session that changed, and `touch` is off (disableTouch).
 */
export class ClaimedSessionStore extends RedisStore {
  constructor(
    opts: ConstructorParameters<typeof RedisStore>[0],
    private readonly cookie: () => SessionData['cookie'],
  ) {
    super(opts);
  }

  override get(_sid: string, cb?: GetCb): Promise<unknown> {
    // A later turn, as a store with I/O would answer (see no-lost-update.e2e.ts).
    const sess = { cookie: this.cookie(), createdAt: 0 } as SessionData;
    return new Promise<void>((resolve) =>
      process.nextTick(() => {
        cb?.(null, sess);
        resolve();
      }),
    );
  }
}
