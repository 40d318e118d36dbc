import { execFile } from 'node:child_process';

// The generation probe is the balancers' shared one (util/master-process).
export { fetchGeneration } from '../util/master-process';

/**
 * `nginx -t`; rejects with nginx's own message when the config is bad. Its
 * messages go to stderr (`-e stderr`), not to the running nginx's error log:
 * a refused config is the caller's error, not an [emerg] of the live nginx.
 */
export function testConfig(binary: string, runDir: string, confPath: string): Promise<string> {
  const args = ['-t', '-p', runDir, '-c', confPath, '-e', 'stderr'];
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: 15_000 }, (err, stdout, stderr) => {
      const out = `${stdout}${stderr}`.trim();
      if (err) reject(new Error(`nginx -t failed for ${confPath}:\n${out || err.message}`));
      else resolve(out);
    });
  });
}
