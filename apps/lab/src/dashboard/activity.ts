// What the lab did while the dashboard was open: the shoppers' requests and
// the faults users triggered, kept in two bounded rings and drawn with the
// report's timeline (data model and SVG), so both show a run the same way.
import type { ServerResponse } from 'node:http';
import { isFault, Operation } from '../client/history';
import { timelineLegend, timelineSvg } from '../report/timeline-svg';
import { Timeline, timelineOf } from '../scenarios/timeline';

/** A fixed-capacity buffer: the newest `capacity` items, oldest first. */
export class Ring<T> {
  private readonly items: T[] = [];
  private next = 0;
  /** Items pushed out by newer ones since the start. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring capacity must be a positive integer, not ${capacity}`);
  }

  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else {
      this.items[this.next] = item;
      this.dropped += 1;
    }
    this.next = (this.next + 1) % this.capacity;
  }

  get size(): number {
    return this.items.length;
  }

  values(): T[] {
    return this.items.length < this.capacity ? [...this.items] : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }
}

export interface LiveTimelineOptions {
  /** Requests kept (12 shoppers at ~1/s fill 3 min). */
  maxRequests?: number;
  /** Faults kept: their own ring, so a flood of requests never pushes a fault out, nor the reverse. */
  maxFaults?: number;
  /** Only what ended this recently is drawn. */
  windowMs?: number;
  now?: () => number;
}

/** Longest error text kept per operation: a reply body quoted in an error must not grow the buffer. */
const MAX_ERROR = 200;

export class LiveTimeline {
  private readonly requests: Ring<Operation>;
  private readonly faults: Ring<Operation>;
  private readonly windowMs: number;
  private readonly now: () => number;
  /** Bumped on every record: a poller that saw this version has seen everything. */
  version = 0;

  constructor(opts: LiveTimelineOptions = {}) {
    this.requests = new Ring(opts.maxRequests ?? 2400);
    this.faults = new Ring(opts.maxFaults ?? 200);
    this.windowMs = opts.windowMs ?? 3 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  record(op: Operation): void {
    // A copy: the recorder's caller may reuse or trim its own history.
    const kept = { ...op, ...(op.error ? { error: op.error.slice(0, MAX_ERROR) } : {}) };
    (isFault(op) ? this.faults : this.requests).push(kept);
    this.version += 1;
  }

  /** Operations that ended inside the window, requests and faults. */
  operations(): Operation[] {
    const from = this.now() - this.windowMs;
    return [...this.requests.values(), ...this.faults.values()].filter((op) => op.endedAt >= from);
  }

  stats(): { requests: number; faults: number; dropped: number } {
    return { requests: this.requests.size, faults: this.faults.size, dropped: this.requests.dropped + this.faults.dropped };
  }

  timeline(): Timeline {
    return timelineOf(this.operations());
  }

  /** The drawing as an HTML fragment; tabs polling within a second of each other with nothing new share one. */
  drawing(): string {
    const key = `${this.version}@${Math.floor(this.now() / 1000)}`;
    if (this.cached?.key !== key) this.cached = { key, html: drawingOf(this.timeline()) };
    return this.cached.html;
  }

  private cached?: { key: string; html: string };
}

function drawingOf(t: Timeline): string {
  if (t.clients.length === 0 && t.faults.length === 0) return `<p class="muted">Nothing recorded yet: the simulated clients start with the first page view.</p>`;
  return `${timelineLegend([...t.replicas].sort(byName))}${timelineSvg(t)}`;
}

/** GET /dash/timeline: the drawing as an HTML fragment (inert markup, no script), the page swaps it in. */
export function sendTimeline(res: ServerResponse, live: LiveTimeline): void {
  // Built and sent in one go: a poller that hangs up mid-answer leaves nothing behind.
  const body = live.drawing();
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Opened on its own, the fragment may style itself and nothing else.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-timeline-version': String(live.version),
  });
  res.end(body);
}

/** app2 before app10. */
function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
