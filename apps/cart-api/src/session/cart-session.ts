import { createParamDecorator, ExecutionContext, ServiceUnavailableException } from '@nestjs/common';
import type { Request } from 'express';
import { RetryLaterException } from '../common/http-error.filter';
import { ensureSession, hasStoredSession } from './ensure-session';
import { SessionLimitError } from './memory-session.store';
import { markSessionLost, sessionWasLost } from './lost-session';

/** What the cart needs of the HTTP session, without the Express request. */
export interface CartSession {
  /** The stored session's id; null when the client has none (yet). */
  readonly id: string | null;
  /** The client presented a validly signed sid whose session no longer exists. */
  readonly lost: boolean;
  /** Stores the session before the first write and returns its id. */
  create(): Promise<string>;
  /** The store has no session for `id` (the cart script said so): report it lost from now on. */
  markLost(): void;
  /** After markLost: a new session, stored, and its id. */
  renew(): Promise<string>;
}

function created(req: Request): Promise<string> {
  return ensureSession(req).catch((err: unknown) => {
    if (err instanceof SessionLimitError) {
      throw new RetryLaterException(`${err.message}; try again later`, err.retryAfterSeconds);
    }
    throw new ServiceUnavailableException(`session store unavailable: ${(err as Error).message}`);
  });
}

/**
 * One object per cart request with its methods on the prototype: the
 * profile of GET /cart showed the object literal with four closures and a
 * getter, built for every request, among the service's own costs.
 */
class RequestCartSession implements CartSession {
  readonly id: string | null;

  constructor(private readonly req: Request) {
    this.id = hasStoredSession(req) ? req.sessionID : null;
  }

  get lost(): boolean {
    return sessionWasLost(this.req);
  }

  create(): Promise<string> {
    return created(this.req);
  }

  markLost(): void {
    markSessionLost(this.req);
  }

  renew(): Promise<string> {
    // generate, not regenerate: the old session is gone, there is nothing to destroy.
    (this.req.sessionStore as unknown as { generate(r: Request): void }).generate(this.req);
    return created(this.req);
  }
}

export function cartSessionOf(req: Request): CartSession {
  return new RequestCartSession(req);
}

/** `@Session() session: CartSession` in a controller handler. */
export const Session = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  cartSessionOf(ctx.switchToHttp().getRequest<Request>()),
);
