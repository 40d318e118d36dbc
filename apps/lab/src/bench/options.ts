import { HAPROXY_STRATEGIES, Strategy } from '../topology';
import { MAX_USERS } from './users';

export const GROUPS = ['ceiling', 'peer', 'direct', 'nginx', 'haproxy', 'boot', 'memory', 'session-cap', 'log-writer', 'sentinel'] as const;
export type Group = (typeof GROUPS)[number];

export interface Profile {
  mode: 'full' | 'quick';
  /** Seconds of measured load per case, after `warmupS` of unmeasured load. */
  durationS: number;
  warmupS: number;
  /** Compared cases take turns in this many slices of the measured time. */
  rounds: number;
  /** Simulated users: each one keep-alive connection from its own address, with its own cookies. */
  users: number;
  /** Lab boots measured per store; the median is reported. */
  boots: number;
  /** Session counts held by one replica in the memory case. */
  sessionCounts: number[];
  /** Before a lab topology is measured: windows of this length until two agree (steady.ts), at most `settleMaxWindows`. */
  settleWindowS: number;
  settleMaxWindows: number;
  /** The strategies the nginx and haproxy groups measure; absent: every one of each balancer. */
  strategies?: readonly Strategy[];
}

export interface BenchOptions {
  profile: Profile;
  only: Set<Group>;
  json: boolean;
  /** Where the JSON goes; default bench/results in the checkout. */
  outDir?: string;
  /** Leave every process on every core (default: servers and generator pinned apart with taskset). */
  noPin: boolean;
  /** An earlier report to compare this run (or `against`) with. */
  compare?: string;
  /** Compare `compare` with this report instead of running the bench. */
  against?: string;
  /** Profile cart-api (`--cpu-prof`) instead of running the groups. */
  cpuProfile: boolean;
}

const FULL: Profile = { mode: 'full', durationS: 8, warmupS: 2, rounds: 8, users: 24, boots: 3, sessionCounts: [10_000, 100_000], settleWindowS: 1, settleMaxWindows: 20 };
const QUICK: Profile = { mode: 'quick', durationS: 1, warmupS: 0.3, rounds: 1, users: 6, boots: 1, sessionCounts: [1_000], settleWindowS: 0.25, settleMaxWindows: 2 };

export const USAGE = [
  `usage: npm run bench [-- --quick] [--only ${GROUPS.join(',')}] [--strategies S,…] [--sessions N,M] [--users N] [--json] [--out DIR] [--no-pin] [--compare EARLIER.json]`,
  '       npm run bench -- --compare EARLIER.json --against LATER.json   (no run: compare two reports)',
  '       npm run bench -- --profile [--quick] [--out DIR]                (cpu profiles of cart-api GET /cart and POST /cart/items)',
].join('\n');

export function parseArgs(argv: string[]): BenchOptions {
  let quick = false;
  let json = false;
  let only = new Set<Group>(GROUPS);
  let onlyGiven = false;
  let outDir: string | undefined;
  let sessions: number[] | undefined;
  let users: number | undefined;
  let strategies: Strategy[] | undefined;
  const rest: Pick<BenchOptions, 'noPin' | 'compare' | 'against' | 'cpuProfile'> = { noPin: false, cpuProfile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--json') json = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      only = parseOnly(arg === '--only' ? argv[++i] : arg.slice('--only='.length));
      onlyGiven = true;
    }
    else if (arg === '--out') outDir = argv[++i];
    else if (arg === '--sessions') sessions = parseCounts(argv[++i]);
    else if (arg === '--users') users = parseUsers(argv[++i]);
    else if (arg === '--strategies') strategies = parseStrategies(argv[++i]);
    else if (arg === '--no-pin') rest.noPin = true;
    else if (arg === '--compare') rest.compare = fileArg(arg, argv[++i]);
    else if (arg === '--against') rest.against = fileArg(arg, argv[++i]);
    else if (arg === '--profile') rest.cpuProfile = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (rest.against && !rest.compare) throw new Error('--against needs --compare EARLIER.json');
  if (rest.cpuProfile && (onlyGiven || rest.compare)) throw new Error('--profile runs on its own: it takes --quick, --users, --out and --no-pin, not --only or --compare');
  let profile = quick ? QUICK : FULL;
  if (sessions) profile = { ...profile, sessionCounts: sessions };
  if (users) profile = { ...profile, users };
  if (strategies) profile = { ...profile, strategies };
  return { profile, only, json, outDir, ...rest };
}

function fileArg(flag: string, value: string | undefined): string {
  if (!value || value.startsWith('--')) throw new Error(`${flag} takes a file name`);
  return value;
}

/** Every user needs an address of its own (see users.ts). */
function parseUsers(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_USERS) throw new Error(`--users takes a count from 1 to ${MAX_USERS}; got "${value ?? ''}"`);
  return n;
}

function parseOnly(list: string | undefined): Set<Group> {
  const names = (list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(GROUPS as readonly string[]).includes(n));
  if (!names.length || bad.length) throw new Error(`--only takes a list of ${GROUPS.join(', ')}; got "${list ?? ''}"`);
  return new Set(names as Group[]);
}

function parseStrategies(list: string | undefined): Strategy[] {
  const names = (list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(HAPROXY_STRATEGIES as readonly string[]).includes(n));
  if (!names.length || bad.length) throw new Error(`--strategies takes a list of ${HAPROXY_STRATEGIES.join(', ')}; got "${list ?? ''}"`);
  return names as Strategy[];
}

/** Session counts for the memory group: positive multiples of 10 (10 creators share them evenly). */
function parseCounts(list: string | undefined): number[] {
  const counts = (list ?? '').split(',').map((s) => Number(s.trim()));
  if (!counts.length || counts.some((n) => !Number.isInteger(n) || n < 10 || n % 10 !== 0)) {
    throw new Error(`--sessions takes counts that are multiples of 10, e.g. 10000,100000; got "${list ?? ''}"`);
  }
  return counts;
}
