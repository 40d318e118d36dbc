import { ChildServer } from '../child';
import { GET_CART, measureTogether, ratio, withCleanup } from '../cases';
import { startBenchFront } from '../front';
import type { BenchContext, CaseRow } from '../model';
import { anonymousUsers } from '../users';

/** The least work node can do per request, direct and behind the lab's nginx and HAProxy configs. */
export async function ceilingGroup(ctx: BenchContext): Promise<CaseRow[]> {
  return withCleanup(async (defer) => {
    const responder = await ChildServer.start({ script: ctx.paths.ceiling, env: { APP_NAME: 'app1' }, readyPath: '/' });
    defer(() => responder.stop());
    const nginx = await startBenchFront('nginx', responder);
    defer(() => nginx.stop());
    const haproxy = await startBenchFront('haproxy', responder);
    defer(() => haproxy.stop());
    const users = anonymousUsers(ctx.profile.users);
    const [direct, viaNginx, viaHaproxy] = await measureTogether(ctx, [
      { row: { id: 'ceiling.direct', group: 'ceiling', label: 'ceiling node:http direct' }, spec: { url: responder.url, steps: GET_CART, users, cpuPids: [responder.pid] } },
      { row: { id: 'ceiling.nginx', group: 'ceiling', label: 'ceiling node:http via nginx' }, spec: { url: nginx.url, steps: GET_CART, users, cpuPids: [responder.pid, nginx.pid] } },
      { row: { id: 'ceiling.haproxy', group: 'ceiling', label: 'ceiling node:http via haproxy' }, spec: { url: haproxy.url, steps: GET_CART, users, cpuPids: [responder.pid, haproxy.pid] } },
    ]);
    ratio(viaNginx, direct);
    ratio(viaHaproxy, direct);
    return [direct, viaNginx, viaHaproxy];
  });
}
