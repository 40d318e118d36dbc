import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChildServer } from '../child';
import { GET_CART, postSteps, startReplica } from '../cases';
import { ProfileSummary, readCpuProfile, summarize } from '../cpuprofile';
import { LoadResult, LoadStep, runLoad } from '../load';
import type { BenchContext } from '../model';
import { table } from '../render-report';
import { createUsers, productSkus } from '../users';
import { pinServerProcesses } from '../pinning';

export interface ProfileResult {
  name: string;
  /** The .cpuprofile file (open it in Chrome DevTools or speedscope). */
  file: string;
  load: LoadResult;
  /** The measured load, in the profile's clock (µs): only samples inside it are ranked. */
  window_us: [number, number];
  summary: ProfileSummary;
}

/** Frames kept in summary.json (the table prints the first 15). */
const KEPT_FRAMES = 60;

interface Target {
  name: string;
  start: (nodeArgs: string[]) => Promise<ChildServer>;
  steps: (url: string) => Promise<LoadStep[]>;
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * One server under `node --cpu-prof`, loaded with one route after a
 * warm-up; only the samples taken during the measured load are ranked.
 */
async function profileOne(ctx: BenchContext, dir: string, target: Target): Promise<ProfileResult> {
  const server = await target.start(['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${target.name}.cpuprofile`]);
  let load: LoadResult;
  let window: [number, number];
  try {
    const users = await createUsers(server.url, ctx.profile.users);
    const spec = { url: server.url, steps: await target.steps(server.url), users, cpuPids: [server.pid] };
    pinServerProcesses(ctx.pinning);
    await runLoad(ctx.generator, spec, { durationS: ctx.profile.warmupS, warmupS: 0, rounds: 1 });
    const from = nowUs();
    load = await runLoad(ctx.generator, spec, { durationS: ctx.profile.durationS, warmupS: 0, rounds: 1 });
    window = [from, nowUs()];
  } catch (err) {
    await server.stop();
    throw err;
  }
  // The profile is written on a normal exit only.
  if (!(await server.stopGracefully())) throw new Error(`${target.name}: the server did not exit by itself, no profile written`);
  const file = join(dir, `${target.name}.cpuprofile`);
  if (!existsSync(file)) throw new Error(`${target.name}: no profile in ${dir} (${readdirSync(dir).join(', ') || 'empty'})`);
  refuseErrors(target.name, load);
  const summary = summarize(readCpuProfile(file), window[0], window[1], KEPT_FRAMES);
  ctx.log(`  ${target.name}: ${load.server_cpu_us_per_req} µs CPU/req over ${load.requests} requests; ${summary.busy_ms} ms sampled`);
  return { name: target.name, file, load, window_us: window, summary };
}

/**
 * A profile of refusals (a 400 past the line's qty cap, a 404, a 503) is not
 * the route's profile: every measured answer must have been a 2xx.
 */
export function refuseErrors(name: string, load: LoadResult): void {
  if (load.requests === 0) throw new Error(`${name}: no request completed during the measured load, nothing to profile`);
  if (load.errors === 0) return;
  const kinds = Object.entries(load.error_kinds)
    .map(([kind, n]) => `${n} × ${kind}`)
    .join(', ');
  throw new Error(`${name}: ${load.errors} of ${load.requests} measured answers were not 2xx (${kinds}); the profile would rank the error path`);
}

export async function profileGroup(ctx: BenchContext, outDir: string): Promise<ProfileResult[]> {
  const dir = join(outDir, `profiles-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dir, { recursive: true });
  const cartApi = (nodeArgs: string[]) => startReplica(ctx, { store: 'memory', nodeArgs });
  const targets: Target[] = [
    { name: 'cart-api-get-cart', start: cartApi, steps: async () => GET_CART },
    // postSteps empties the cart before a line reaches its qty cap: every answer stays a 201 (checked by refuseErrors).
    { name: 'cart-api-post-cart-items', start: cartApi, steps: async (url) => postSteps((await productSkus(url))[0]) },
    {
      name: 'peer-get-cart',
      start: (nodeArgs) => ChildServer.start({ script: ctx.paths.peer, env: { APP_NAME: 'peer', SESSION_SECRET: ctx.secret }, readyPath: '/health/live', nodeArgs }),
      steps: async () => GET_CART,
    },
  ];
  const results: ProfileResult[] = [];
  for (const t of targets) results.push(await profileOne(ctx, dir, t));
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(results, null, 2) + '\n');
  ctx.log(`  profiles and summary.json: ${dir}`);
  return results;
}

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

export function renderProfiles(results: ProfileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const note = r.summary.windowed ? '' : ' (whole profile: no sample fell in the load window)';
    out.push(`${r.name}: ${r.load.server_cpu_us_per_req} µs CPU/req, ${r.load.rps} req/s, ${r.summary.busy_ms} ms sampled${note}; ${r.file}`);
    out.push('');
    const inclusive = new Map(r.summary.inclusive_by_owner.map((f) => [f.owner, f]));
    out.push(
      table(
        ['owner', 'self ms', 'self share', 'on stack (upper bound)'],
        r.summary.by_owner.slice(0, 12).map((f) => [f.owner, f.self_ms, pct(f.share), inclusive.has(f.owner) ? pct(inclusive.get(f.owner)!.share) : '']),
      ),
    );
    out.push('');
    out.push(table(['top self-time frames', 'owner', 'self ms', 'share'], r.summary.top_frames.slice(0, 15).map((f) => [f.frame, f.owner, f.self_ms, pct(f.share)])));
    out.push('');
  }
  return out.join('\n');
}
