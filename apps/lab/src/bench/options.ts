export const GROUPS = ['ceiling', 'peer', 'direct', 'nginx', 'boot', 'memory', 'session-cap'] as const;
export type Group = (typeof GROUPS)[number];

export interface Profile {
  mode: 'full' | 'quick';
  /** Seconds of measured load per case, after `warmupS` of unmeasured load. */
  durationS: number;
  warmupS: number;
  /** Compared cases take turns in this many slices of the measured time. */
  rounds: number;
  /** Concurrent connections, each its own user where sessions matter. */
  connections: number;
  /** Lab boots measured per store; the median is reported. */
  boots: number;
  /** Session counts held by one replica in the memory case. */
  sessionCounts: number[];
}

export interface BenchOptions {
  profile: Profile;
  only: Set<Group>;
  json: boolean;
  /** Where the JSON goes; default bench/results in the checkout. */
  outDir?: string;
}

const FULL: Profile = { mode: 'full', durationS: 8, warmupS: 2, rounds: 8, connections: 8, boots: 3, sessionCounts: [10_000, 100_000] };
const QUICK: Profile = { mode: 'quick', durationS: 1, warmupS: 0.3, rounds: 1, connections: 4, boots: 1, sessionCounts: [1_000] };

export const USAGE = `usage: npm run bench [-- --quick] [--only ${GROUPS.join(',')}] [--sessions N,M] [--json] [--out DIR]`;

export function parseArgs(argv: string[]): BenchOptions {
  let quick = false;
  let json = false;
  let only = new Set<Group>(GROUPS);
  let outDir: string | undefined;
  let sessions: number[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--json') json = true;
    else if (arg === '--only') only = parseOnly(argv[++i]);
    else if (arg.startsWith('--only=')) only = parseOnly(arg.slice('--only='.length));
    else if (arg === '--out') outDir = argv[++i];
    else if (arg === '--sessions') sessions = parseCounts(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  const profile = quick ? QUICK : FULL;
  return { profile: sessions ? { ...profile, sessionCounts: sessions } : profile, only, json, outDir };
}

function parseOnly(list: string | undefined): Set<Group> {
  const names = (list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(GROUPS as readonly string[]).includes(n));
  if (!names.length || bad.length) throw new Error(`--only takes a list of ${GROUPS.join(', ')}; got "${list ?? ''}"`);
  return new Set(names as Group[]);
}

/** Session counts for the memory group: positive multiples of 10 (10 creators share them evenly). */
function parseCounts(list: string | undefined): number[] {
  const counts = (list ?? '').split(',').map((s) => Number(s.trim()));
  if (!counts.length || counts.some((n) => !Number.isInteger(n) || n < 10 || n % 10 !== 0)) {
    throw new Error(`--sessions takes counts that are multiples of 10, e.g. 10000,100000; got "${list ?? ''}"`);
  }
  return counts;
}
