// POST /api/rollout {"drain_wait_s": S}: the drain-aware rolling restart,
// run by the `up` process (it owns the topology) as one serialised change.
import type { IncomingMessage } from 'node:http';
import { MAX_DRAIN_WAIT_S, rollout, RolloutError, RolloutStep } from '../scenarios/rollout';
import { TopologyError } from '../topology/errors';
import { badRequest, conflict, HttpError } from '../util/http-error';
import { readJson } from '../util/json-api';
import type { ApiContext, LabStatus } from './api';

export interface RolloutReply {
  ok: true;
  message: string;
  steps: RolloutStep[];
  total_ms: number;
  status: LabStatus;
}

export function drainWaitFrom(body: Record<string, unknown>): number {
  const s = body.drain_wait_s === undefined ? 0 : body.drain_wait_s;
  if (typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s > MAX_DRAIN_WAIT_S) {
    throw badRequest(`"drain_wait_s" must be a number of seconds from 0 to ${MAX_DRAIN_WAIT_S}`);
  }
  return s;
}

export async function rolloutRoute(ctx: ApiContext, req: IncomingMessage): Promise<RolloutReply> {
  const drainWaitS = drainWaitFrom(await readJson(req));
  return ctx.serial.run(async () => {
    try {
      const result = await rollout(ctx.topology, { drainWaitMs: drainWaitS * 1000 });
      const status = await labStatus(ctx);
      ctx.onChange(status);
      const message = `rolled ${result.steps.length} replicas in ${(result.totalMs / 1000).toFixed(1)} s (drain wait up to ${drainWaitS} s each)`;
      return { ok: true, message, steps: result.steps, total_ms: result.totalMs, status };
    } catch (err) {
      if (err instanceof RolloutError) {
        // Something changed already: the state file and the dashboard must show it.
        const status = await labStatus(ctx);
        ctx.onChange(status);
        throw new HttpError(409, err.message, { steps: err.steps, status });
      }
      if (err instanceof TopologyError) throw err.kind === 'invalid-argument' ? badRequest(err.message) : conflict(err.message);
      throw err;
    }
  });
}

async function labStatus(ctx: ApiContext): Promise<LabStatus> {
  return { ...(await ctx.topology.status()), ...ctx.meta() };
}
