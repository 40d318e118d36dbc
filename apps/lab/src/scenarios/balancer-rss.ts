// The balancer's memory as the kernel counts it: the master and every worker.
import { rssKb } from '../util/proc';
import { processTree } from '../util/reaper';

/** Summed VmRSS (kB) of `pid` and its descendants; null without a pid (compose) or /proc. */
export function balancerRssKb(pid: number | undefined): number | null {
  if (!pid) return null;
  const each = processTree(pid).map(rssKb).filter((kb): kb is number => kb !== undefined);
  return each.length ? each.reduce((a, b) => a + b, 0) : null;
}
