import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The config generator, relative to the repo's haproxy/ directory. */
export const GENERATOR = 'lab-haproxy.sh';

let cached: string | undefined;

/**
 * The repo's `haproxy/` directory, found by walking up from this file (works
 * from ts-jest sources and from dist/ alike). LAB_HAPROXY_DIR overrides it.
 */
export function haproxyAssetsDir(): string {
  if (process.env.LAB_HAPROXY_DIR) return process.env.LAB_HAPROXY_DIR;
  if (cached) return cached;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'haproxy');
    if (existsSync(join(candidate, GENERATOR))) return (cached = candidate);
    if (dirname(dir) === dir) throw new Error(`haproxy/${GENERATOR} not found above ${__dirname}`);
  }
}

export function generatorScript(): string {
  return join(haproxyAssetsDir(), GENERATOR);
}

/** Files of one private run: config, runtime API socket, logs. */
export function haproxyRunPaths(runDir: string) {
  return {
    conf: join(runDir, 'haproxy.cfg'),
    socket: join(runDir, 'admin.sock'),
    accessLog: join(runDir, 'access.log'),
    errorLog: join(runDir, 'haproxy.log'),
    meta: join(runDir, 'render.json'),
  };
}
