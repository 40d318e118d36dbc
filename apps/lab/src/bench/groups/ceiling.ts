import { ChildServer } from '../child';
import { GET_CART, measureTogether, ratio, withCleanup } from '../cases';
import type { BenchContext, CaseRow } from '../model';
import { startBenchNginx } from '../nginx-front';
import { anonymousUsers } from '../users';

/** The least work node can do per request, direct and behind the lab's nginx config. */
export async function ceilingGroup(ctx: BenchContext): Promise<CaseRow[]> {
  return withCleanup(async (defer) => {
    const responder = await ChildServer.start({ script: ctx.paths.ceiling, env: { APP_NAME: 'app1' }, readyPath: '/' });
    defer(() => responder.stop());
    const front = await startBenchNginx(responder);
    defer(() => front.stop());
    const users = anonymousUsers(ctx.profile.users);
    const [direct, viaNginx] = await measureTogether(ctx, [
      { row: { id: 'ceiling.direct', group: 'ceiling', label: 'ceiling node:http direct' }, spec: { url: responder.url, steps: GET_CART, users, cpuPids: [responder.pid] } },
      { row: { id: 'ceiling.nginx', group: 'ceiling', label: 'ceiling node:http via nginx' }, spec: { url: front.url, steps: GET_CART, users, cpuPids: [responder.pid, front.pid] } },
    ]);
    ratio(viaNginx, direct);
    return [direct, viaNginx];
  });
}
