// How the balancer treats a replica's server line, in the words `lab status`
// and the dashboard both show: defined once, so the table and the card can
// never disagree about the same replica.
import type { BalancerEngine, BalancerState } from '../vocabulary';
import type { ReplicaInfo } from './topology';

export type Rotation = 'in rotation' | 'marked down' | 'draining' | 'check down' | 'dead';

type Balancer = { engine: BalancerEngine; state: BalancerState };
type Replica = Pick<ReplicaInfo, 'state' | 'markedDown' | 'draining' | 'health'>;

/** What the lab asked of the balancer wins over what its health check says: a marked-down replica stays out whatever the check finds. */
export function rotationOf(r: Replica, balancer: Pick<Balancer, 'state'>): Rotation {
  if (balancer.state === 'dead') return 'dead';
  if (r.markedDown) return 'marked down';
  if (r.draining) return 'draining';
  return r.health === 'down' ? 'check down' : 'in rotation';
}

/** The word itself; a dead balancer is named, since nginx and HAProxy die differently. */
export function rotationWord(rotation: Rotation, engine: BalancerEngine): string {
  return rotation === 'dead' ? `${engine} dead` : rotation;
}

const MEANING: Record<Rotation, string> = {
  'in rotation': 'gets its share of traffic',
  'marked down': 'no traffic at all, nginx `server … down`, HAProxy `disabled`',
  draining: 'bound clients only',
  'check down': "HAProxy's health check took it out",
  dead: 'nothing is balanced',
};

export function rotationMeaning(rotation: Rotation): string {
  return MEANING[rotation];
}

/** The BALANCER sentence of the status legend (docs/cli.md quotes it). */
export function rotationLegend(): string {
  const m = MEANING;
  return `BALANCER: how the balancer treats its server line (in rotation; marked down = ${m['marked down']}, see \`mark-down\`; draining = ${m.draining}, see \`drain\`; check down = ${m['check down']}; dead = ${m.dead}).`;
}

/**
 * The sentence a reader needs when the word alone would look wrong: a replica
 * that is not running still "in rotation" (nginx has no active health check;
 * HAProxy needs a few failed checks), or a running one HAProxy's check has
 * not let back in yet. Null when the word says it all.
 */
export function rotationNote(r: Replica, rotation: Rotation, engine: BalancerEngine): string | null {
  const running = r.state === 'running';
  if (rotation === 'in rotation' && !running && r.state !== 'starting') {
    if (engine !== 'nginx') return "HAProxy's health check has not taken it out yet";
    // A paused process still accepts connections (docs/nginx.md, proxy_read_timeout): nginx cannot fail over at once.
    return r.state === 'paused'
      ? 'nginx has no active health check: a request to it waits out the read timeout, then a GET moves on and a POST fails'
      : 'nginx has no active health check: it keeps trying this replica and fails over to another';
  }
  if (rotation === 'check down' && running) return "HAProxy's health check has not let it back in yet";
  return null;
}

/** Everything a page shows of it: the word, what it means, and the note when one is needed. */
export interface RotationView {
  kind: Rotation;
  word: string;
  meaning: string;
  note: string | null;
}

export function describeRotation(r: Replica, balancer: Balancer): RotationView {
  const kind = rotationOf(r, balancer);
  return { kind, word: rotationWord(kind, balancer.engine), meaning: rotationMeaning(kind), note: rotationNote(r, kind, balancer.engine) };
}
