// Steady state: a Node replica is slow until its JIT has compiled the hot
// paths, so a topology's CPU per request is compared only once every replica
// that serves has stopped getting cheaper. And a random quantity is reported
// with its spread: two rows differ only when their ranges do not overlap.
import { round } from './load';

/** A replica's cumulative CPU time and requests served, read at one moment. */
export interface ReplicaReading {
  cpuMs: number;
  requests: number;
}

export type Readings = Record<string, ReplicaReading>;

export interface SettleRule {
  /** Two consecutive windows agree when they differ by at most this share of the earlier one. */
  tolerance: number;
  /** A replica that served fewer requests in a window has no CPU per request there (an idle url-hash replica). */
  minRequests: number;
}

export const SETTLE_RULE: SettleRule = { tolerance: 0.05, minRequests: 50 };

/** CPU µs per request of each replica that served at least `minRequests` between two readings. */
export function windowCost(before: Readings, after: Readings, minRequests = SETTLE_RULE.minRequests): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, a] of Object.entries(after)) {
    const b = before[name];
    if (!b) continue;
    const requests = a.requests - b.requests;
    if (requests >= minRequests) out[name] = round(((a.cpuMs - b.cpuMs) * 1000) / requests, 1);
  }
  return out;
}

/**
 * Two consecutive windows agree for every replica that served in either: a
 * replica that served in one window and not the other has not settled, and
 * windows where no replica served are no evidence of anything.
 */
export function settled(previous: Record<string, number>, current: Record<string, number>, tolerance = SETTLE_RULE.tolerance): boolean {
  const names = new Set([...Object.keys(previous), ...Object.keys(current)]);
  if (names.size === 0) return false;
  for (const name of names) {
    const [p, c] = [previous[name], current[name]];
    if (p === undefined || c === undefined || p <= 0) return false;
    if (Math.abs(c - p) > tolerance * p) return false;
  }
  return true;
}

export interface Warmup {
  /** Load until every serving replica settled, or the bound ran out. */
  settled: boolean;
  seconds: number;
  /** Per window, each serving replica's CPU µs per request. */
  windows: Record<string, number>[];
}

export interface WarmupSteps {
  read: () => Promise<Readings>;
  /** Sends `windowS` seconds of the case's own load. */
  load: (windowS: number) => Promise<void>;
  windowS: number;
  maxWindows: number;
  rule?: SettleRule;
}

/** Loads window after window until two consecutive ones agree (bounded by `maxWindows`). */
export async function warmUntilSettled(s: WarmupSteps): Promise<Warmup> {
  const rule = s.rule ?? SETTLE_RULE;
  const t0 = process.hrtime.bigint();
  const windows: Record<string, number>[] = [];
  let before = await s.read();
  let ok = false;
  while (!ok && windows.length < s.maxWindows) {
    await s.load(s.windowS);
    const after = await s.read();
    windows.push(windowCost(before, after, rule.minRequests));
    before = after;
    ok = windows.length >= 2 && settled(windows[windows.length - 2], windows[windows.length - 1], rule.tolerance);
  }
  return { settled: ok, seconds: round(Number(process.hrtime.bigint() - t0) / 1e9, 1), windows };
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Windows it is taken over. */
  n: number;
}

export function spreadOf(values: readonly number[]): Spread | undefined {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median: round(median, 1), min: v[0], max: v[v.length - 1], n: v.length };
}

/** a costs more than b beyond both spreads: a's cheapest window above b's dearest. */
export function dearerBeyondSpread(a: Spread, b: Spread): boolean {
  return a.min > b.max;
}

export interface Difference {
  dearer: string;
  cheaper: string;
  /** Median over median. */
  ratio: number;
}

/** Fewer windows than this show no spread worth the name (a `--quick` row has one). */
export const MIN_SPREAD_WINDOWS = 3;

const hasSpread = (s?: Spread): s is Spread => !!s && s.n >= MIN_SPREAD_WINDOWS;

/** Every pair of rows whose CPU per request differs beyond the spread of both; the rest are "no difference shown". */
export function differencesBeyondSpread(rows: readonly { id: string; spread?: Spread }[]): Difference[] {
  const out: Difference[] = [];
  for (const a of rows) {
    for (const b of rows) {
      if (a === b || !hasSpread(a.spread) || !hasSpread(b.spread) || !dearerBeyondSpread(a.spread, b.spread)) continue;
      out.push({ dearer: a.id, cheaper: b.id, ratio: round(a.spread.median / b.spread.median, 2) });
    }
  }
  return out.sort((x, y) => y.ratio - x.ratio);
}

/** `a > b (1.23×), …` for a report line; empty when nothing differs beyond the spread. */
export function sayDifferences(found: readonly Difference[]): string {
  return found.map((d) => `${d.dearer} > ${d.cheaper} (${d.ratio.toFixed(2)}×)`).join(', ');
}
