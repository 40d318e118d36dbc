import { ChildServer } from '../child';
import { CaseSpec, GET_CART, measureTogether, ratio, withCleanup } from '../cases';
import { selectCases } from '../engines';
import { startBenchFront } from '../front';
import type { BenchContext, CaseRow } from '../model';
import { anonymousUsers } from '../users';
import { BALANCERS, BalancerEngine } from '../../vocabulary';

/** The ceiling's planned cases: direct, then one per balancer. */
export function ceilingCases(): { engine?: BalancerEngine; row: CaseSpec['row'] }[] {
  return [
    { row: { id: 'ceiling.direct', group: 'ceiling', label: 'ceiling node:http direct' } },
    ...BALANCERS.map((engine) => ({ engine, row: { id: `ceiling.${engine}`, group: 'ceiling' as const, label: `ceiling node:http via ${engine}` } })),
  ];
}

/** The least work node can do per request, direct and behind the lab's nginx and HAProxy configs (those installed). */
export async function ceilingGroup(ctx: BenchContext): Promise<CaseRow[]> {
  const { run, skipped } = selectCases(ceilingCases(), ctx.unavailable);
  ctx.notMeasured(skipped);
  return withCleanup(async (defer) => {
    const responder = await ChildServer.start({ script: ctx.paths.ceiling, env: { APP_NAME: 'app1' }, readyPath: '/' });
    defer(() => responder.stop());
    const users = anonymousUsers(ctx.profile.users);
    const specs: CaseSpec[] = [];
    for (const c of run) {
      const front = c.engine ? await startBenchFront(c.engine, responder) : undefined;
      if (front) defer(() => front.stop());
      specs.push({ row: c.row, spec: { url: front?.url ?? responder.url, steps: GET_CART, users, cpuPids: front ? [responder.pid, front.pid] : [responder.pid] } });
    }
    const [direct, ...fronts] = await measureTogether(ctx, specs);
    for (const row of fronts) ratio(row, direct);
    return [direct, ...fronts];
  });
}
