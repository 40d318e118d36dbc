import { ChildServer } from '../child';
import { GET_CART, measure, withCleanup } from '../cases';
import type { BenchContext, CaseRow } from '../model';
import { createUsers } from '../users';

/** What a user would write instead: Express 5 + express-session, memory store. */
export async function peerGroup(ctx: BenchContext): Promise<CaseRow[]> {
  return withCleanup(async (defer) => {
    const peer = await ChildServer.start({
      script: ctx.paths.peer,
      env: { APP_NAME: 'peer', SESSION_SECRET: ctx.secret },
      readyPath: '/health/live',
    });
    defer(() => peer.stop());
    const cookies = await createUsers(peer.url, ctx.profile.connections);
    const row = await measure(
      ctx,
      { id: 'peer.get', group: 'peer', label: 'peer Express+express-session GET /cart' },
      { url: peer.url, steps: GET_CART, cookies },
    );
    return [row];
  });
}
