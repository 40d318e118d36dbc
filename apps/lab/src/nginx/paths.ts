import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The upstream generator, relative to the repo's nginx/ directory. */
export const UPSTREAMS_SCRIPT = 'docker-entrypoint.d/19-lab-upstreams.envsh';

let cached: string | undefined;

/**
 * The repo's `nginx/` directory (templates + upstream script). Found by walking
 * up from this file, so it works from `apps/lab/src` (ts-jest) and from
 * `dist/apps/lab` (the built CLI) alike. LAB_NGINX_DIR overrides it.
 */
export function nginxAssetsDir(): string {
  if (process.env.LAB_NGINX_DIR) return process.env.LAB_NGINX_DIR;
  if (cached) return cached;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'nginx');
    if (existsSync(join(candidate, UPSTREAMS_SCRIPT))) return (cached = candidate);
    if (dirname(dir) === dir) throw new Error(`nginx/${UPSTREAMS_SCRIPT} not found above ${__dirname}`);
  }
}

export function templatesDir(): string {
  return join(nginxAssetsDir(), 'templates');
}

export function upstreamsScript(): string {
  return join(nginxAssetsDir(), UPSTREAMS_SCRIPT);
}
