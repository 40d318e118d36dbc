import { execFile } from 'node:child_process';
import { templatesDir, upstreamsScript } from './paths';

/** Prints the environment after sourcing, as JSON (values are multi-line). */
const SOURCE_AND_DUMP = 'set -eu; . "$1"; exec "$2" -e "process.stdout.write(JSON.stringify(process.env))"';

export type Env = Record<string, string>;

/**
 * Sources nginx/docker-entrypoint.d/19-lab-upstreams.envsh exactly as the nginx
 * image does (POSIX sh, `set -eu`) and returns the resulting environment: the
 * upstream generation has one implementation, in that script.
 *
 * Only PATH and `input` are passed in, so the user's own environment cannot
 * leak into the rendered config.
 */
export function runUpstreamsScript(input: Env): Promise<Env> {
  const env: Env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LAB_TEMPLATE_SRC: templatesDir(),
    // Empty: the image-only staging step is skipped locally.
    LAB_STAGE_DIR: '',
    ...input,
  };
  const args = ['-c', SOURCE_AND_DUMP, 'sh', upstreamsScript(), process.execPath];
  return new Promise((resolve, reject) => {
    execFile('sh', args, { env, timeout: 15_000, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${upstreamsScript()} failed: ${stderr.trim() || err.message}`));
      try {
        resolve(JSON.parse(stdout) as Env);
      } catch {
        reject(new Error(`${upstreamsScript()} printed no environment: ${stdout.slice(0, 200)} ${stderr}`));
      }
    });
  });
}
