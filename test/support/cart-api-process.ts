// The built service (dist/apps/cart-api/main.js) as a child process, for the
// behaviour only a real process shows: boot-time config errors, SIGTERM.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../apps/lab/src/util/free-port';
import { waitFor } from '../../apps/lab/src/util/wait';

export const CART_API_ENTRY = join(__dirname, '../../dist/apps/cart-api/main.js');

export function builtEntryMissing(): string | null {
  return existsSync(CART_API_ENTRY) ? null : `${CART_API_ENTRY} is missing: run npm run build first`;
}

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns main.js with only the given cart-api env (plus PATH/HOME); does not wait. */
export function spawnApi(env: Record<string, string>): ApiProcess {
  const port = env.PORT ?? '0';
  let out = '';
  const child = spawn(process.execPath, [CART_API_ENTRY], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** Spawns main.js on a free port and waits until /health/live answers. */
export async function startApi(env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = String(await freePort());
  const api = spawnApi({ APP_NAME: 'proc-app', SESSION_SECRET: 'proc-secret', ...env, PORT: port });
  await waitFor(
    `cart-api on port ${port}`,
    async () => {
      if (api.child.exitCode !== null) throw new Error(`exited: ${api.output()}`);
      return (await fetch(`${api.url}/health/live`).catch(() => null))?.status === 200;
    },
    { timeoutMs: 20_000, intervalMs: 100 },
  );
  return api;
}

export async function stopApi(api: ApiProcess): Promise<void> {
  if (api.child.exitCode === null && api.child.signalCode === null) {
    api.child.kill('SIGKILL');
    await api.exited;
  }
}
