import { createParamDecorator, ExecutionContext, ServiceUnavailableException } from '@nestjs/common';
import type { Request } from 'express';
import { RetryLaterException } from '../common/http-error.filter';
import { ensureSession, hasStoredSession } from './ensure-session';
import { SessionLimitError } from './memory-session.store';
import { sessionWasLost } from './lost-session';

/** What the cart needs of the HTTP session, without the Express request. */
export interface CartSession {
  /** The stored session's id; null when the client has none (yet). */
  readonly id: string | null;
  /** The client presented a validly signed sid whose session no longer exists. */
  readonly lost: boolean;
  /** Stores the session before the first write and returns its id. */
  create(): Promise<string>;
}

export function cartSessionOf(req: Request): CartSession {
  return {
    id: hasStoredSession(req) ? req.sessionID : null,
    lost: sessionWasLost(req),
    create: async () => {
      try {
        return await ensureSession(req);
      } catch (err) {
        if (err instanceof SessionLimitError) {
          throw new RetryLaterException(`${err.message}; try again later`, err.retryAfterSeconds);
        }
        throw new ServiceUnavailableException(`session store unavailable: ${(err as Error).message}`);
      }
    },
  };
}

/** `@Session() session: CartSession` in a controller handler. */
export const Session = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  cartSessionOf(ctx.switchToHttp().getRequest<Request>()),
);
