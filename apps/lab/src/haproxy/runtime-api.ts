import { createConnection } from 'node:net';

export type ServerAdminState = 'ready' | 'drain' | 'maint';

/** One row of `show servers state`. */
export interface ServerState {
  name: string;
  id: number;
  /** 0 stopped, 1 starting, 2 running, 3 stopping (operational state). */
  opState: number;
  /** Bit field: 0x01 forced maint, 0x08 forced drain, … (0 = ready). */
  adminState: number;
  weight: number;
}

/** One stick table entry: the client key and the server id it is stuck to. */
export interface StickEntry {
  key: string;
  serverId: number;
  expiresInMs: number;
}

// Names reach a line-oriented CLI where `;` separates commands and a newline
// ends one: only plain names may pass.
const NAME = /^[A-Za-z0-9_-]{1,64}$/;

function checkName(what: string, value: string): string {
  if (!NAME.test(value)) throw new Error(`bad ${what} name for the runtime API: ${JSON.stringify(value)}`);
  return value;
}

/** The runtime API command whose answer parseServersState reads. */
export function serversStateCommand(backend = 'lab_backend'): string {
  return `show servers state ${checkName('backend', backend)}`;
}

/** The answer to `show servers state <backend>`, one row per server, columns found by the header's names. */
export function parseServersState(answer: string): ServerState[] {
  const lines = answer.split('\n').filter((l) => l.trim());
  const at = lines.findIndex((l) => l.startsWith('# be_id'));
  if (at < 0) throw new Error(`runtime API: unexpected "show servers state" answer: ${answer.slice(0, 200)}`);
  const header = lines[at].slice(2).split(' ');
  const col = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
  // Rows follow the header; the line before it is the format version ("1"), not a server.
  return lines
    .slice(at + 1)
    .filter((l) => !l.startsWith('#') && /^\d/.test(l))
    .map((l) => l.split(' '))
    .map((row) => ({
      name: col(row, 'srv_name'),
      id: Number(col(row, 'srv_id')),
      opState: Number(col(row, 'srv_op_state')),
      adminState: Number(col(row, 'srv_admin_state')),
      weight: Number(col(row, 'srv_uweight')),
    }));
}

/**
 * What the balancer's health check says of each server, by name: operational
 * state 0 means the check (or maintenance) took it out. Both drivers report
 * a replica's `health` from this.
 */
export function healthOf(servers: readonly ServerState[]): Record<string, 'up' | 'down'> {
  return Object.fromEntries(servers.map((s) => [s.name, s.opState === 0 ? 'down' : 'up'] as const));
}

/** HAProxy's runtime API on a unix socket: one connection per command. */
export class RuntimeApi {
  constructor(
    readonly socketPath: string,
    readonly backend = 'lab_backend',
  ) {}

  /** Sends one command and returns the whole answer (the socket closes after it). */
  command(line: string, timeoutMs = 5_000): Promise<string> {
    if (/[\n;]/.test(line)) throw new Error(`one command only, got ${JSON.stringify(line)}`);
    return new Promise((resolve, reject) => {
      const socket = createConnection(this.socketPath);
      let out = '';
      socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`runtime API: no answer to "${line}" within ${timeoutMs} ms`)));
      socket.on('connect', () => socket.end(`${line}\n`));
      socket.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.length > 8 << 20) socket.destroy(new Error('runtime API: answer over 8 MiB'));
      });
      socket.on('error', reject);
      socket.on('close', (hadError) => {
        if (!hadError) resolve(out);
      });
    });
  }

  /** `set server be/srv state …`; rejects with HAProxy's message when it refuses. */
  async setServerState(server: string, state: ServerAdminState): Promise<void> {
    const answer = await this.command(`set server ${checkName('backend', this.backend)}/${checkName('server', server)} state ${state}`);
    if (answer.trim()) throw new Error(`runtime API refused ${state} for ${server}: ${answer.trim()}`);
  }

  drain(server: string): Promise<void> {
    return this.setServerState(server, 'drain');
  }

  ready(server: string): Promise<void> {
    return this.setServerState(server, 'ready');
  }

  maint(server: string): Promise<void> {
    return this.setServerState(server, 'maint');
  }

  async servers(): Promise<ServerState[]> {
    return parseServersState(await this.command(serversStateCommand(this.backend)));
  }

  /** Entries of a stick table (the backend's own by default). */
  async stickTable(table = this.backend): Promise<StickEntry[]> {
    const answer = await this.command(`show table ${checkName('table', table)}`);
    if (/^(Unknown|No such)/im.test(answer)) throw new Error(`runtime API: ${answer.trim()}`);
    const entries: StickEntry[] = [];
    for (const line of answer.split('\n')) {
      const key = /\bkey=(\S+)/.exec(line)?.[1];
      const id = /\bserver_id=(\d+)/.exec(line)?.[1];
      const exp = /\bexp=(\d+)/.exec(line)?.[1];
      if (key && id) entries.push({ key, serverId: Number(id), expiresInMs: Number(exp ?? 0) });
    }
    return entries;
  }
}
