import type { Generator } from './generator/pool';
import type { LoadResult } from './load';
import type { Machine } from './machine';
import type { Group, Profile } from './options';
import type { Pinning } from './pinning';
import type { Spread, Warmup } from './steady';

/** Bumped whenever a figure changes meaning or place: --compare refuses another version. */
export const SCHEMA_VERSION = 2;
import type { LogWriterResult } from './groups/log-writer';
import type { SessionCapResult } from './groups/session-cap';
import type { NotMeasured, Unavailable } from './engines';

/** One throughput case: a row of the table. */
export interface CaseRow {
  /** Stable id, e.g. `direct.memory.get`; the JSON and the targets refer to it. */
  id: string;
  group: Group;
  label: string;
  load: LoadResult;
  /** This row's req/s and server CPU per request over another row's, measured in the same run. */
  ratio?: { of: string; rps: number; cpu: number | null };
  /** Mean over users of the share of their GET /cart answers that still showed their cart (what affinity buys); per user in `load.cart`. */
  cart_kept?: number | null;
  /** Server CPU µs per request over the measured slices (median, min, max): differences inside it are not differences. */
  cpu_spread?: Spread;
  /** p99 ms over the same slices (median, min, max). */
  p99_spread?: Spread;
  /** A warm one-replica topology behind the same balancer, measured in the same slices as this (memory) strategy row. */
  vs_one_replica?: { one_replica_cpu_us: number; cpu_ratio: number };
  /** The load the row's topology got before it was measured, until every serving replica's CPU per request settled. */
  warmup?: Warmup;
  note?: string;
}

export interface BootResult {
  store: 'memory' | 'redis';
  replicas: number;
  samples_ms: number[];
  median_ms: number;
  /** CPU time each boot cost, all processes together. */
  cpu_samples_ms: number[];
  median_cpu_ms: number;
  /** median_cpu_ms spread over every core: what the boot cannot beat even on an idle machine. */
  idle_floor_ms: number;
}

export interface MemoryResult {
  sessions: number;
  /** Sessions the replica reported holding once creation finished. */
  sessions_held: number;
  ttl_s: number;
  create_s: number;
  rss_start_bytes: number;
  rss_held_bytes: number;
  bytes_per_session: number;
  rss_after_expiry_bytes: number;
  /** rss_after_expiry / rss_start. */
  after_expiry_ratio: number;
  expiry_wait_s: number;
  note?: string;
}

export interface Target {
  name: string;
  /** null when the group that measures it did not run (--only) or failed, or (with `unknown`) when what it measured cannot give a value. */
  value: number | null;
  goal: string;
  met: boolean;
  /** Why a measured target has no value: no evidence, so neither met nor failed by a number. */
  unknown?: string;
  detail?: Record<string, number | string | null>;
}

export interface BenchReport {
  schema_version: number;
  started_at: string;
  finished_at: string;
  mode: Profile['mode'];
  settings: Profile;
  machine: Machine;
  pinning: Pinning;
  cases: CaseRow[];
  /** Planned cases this machine could not measure (a balancer not installed), with why. */
  not_measured: NotMeasured[];
  boot: BootResult[];
  memory: MemoryResult[];
  session_cap?: SessionCapResult[];
  log_writer?: LogWriterResult;
  targets: Target[];
  failures: { group: Group; message: string }[];
  /** Wall time each group took, setup and teardown included. */
  group_seconds: Partial<Record<Group, number>>;
}

/** What every group gets: settings, paths of the built servers, a progress logger. */
export interface BenchContext {
  profile: Profile;
  paths: { cartApi: string; peer: string; ceiling: string; generator: string };
  generator: Generator;
  pinning: Pinning;
  log: (line: string) => void;
  /** Records a failed case in the report without ending its group. */
  fail: (group: Group, message: string) => void;
  /** Shared by every cart-api replica the bench starts. */
  secret: string;
  /** Balancers this machine lacks: their cases are not measured (engines.ts). */
  unavailable: Unavailable;
  /** Records planned cases that were not measured, with why. */
  notMeasured: (cases: NotMeasured[]) => void;
}
