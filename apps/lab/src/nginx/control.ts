import { execFile } from 'node:child_process';
import { fetchGenerationAt } from '../util/http';
import type { Listen } from './render';

/** Body of GET /__lab/generation, or null when nginx does not answer (yet). */
export function fetchGeneration({ host, port }: Listen, timeoutMs = 1000): Promise<string | null> {
  const target = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return fetchGenerationAt(target, port, timeoutMs);
}

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
