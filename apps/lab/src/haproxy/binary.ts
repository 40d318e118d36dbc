import { execFile } from 'node:child_process';
import { requireBinary } from '../util/find-binary';

export function haproxyBinary(): string {
  return requireBinary('haproxy', 'haproxy');
}

/** `2.6.12` from `haproxy -v`. */
export function haproxyVersion(binary: string = haproxyBinary()): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, ['-v'], { timeout: 10_000 }, (err, stdout, stderr) => {
      const match = /version (\d+\.\d+\.\d+)/i.exec(`${stdout}${stderr}`);
      if (match) resolve(match[1]);
      else reject(new Error(`cannot read the version of ${binary}: ${err?.message ?? stderr}`));
    });
  });
}

/**
 * `haproxy -c`; rejects with HAProxy's own messages when the config is bad.
 * Resolves with the output, warnings included: callers may refuse those too.
 */
export function checkConfig(binary: string, confPath: string, localPeer?: string): Promise<string> {
  const args = ['-c', '-f', confPath, ...(localPeer ? ['-L', localPeer] : [])];
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: 15_000 }, (err, stdout, stderr) => {
      const out = `${stdout}${stderr}`.trim();
      if (err) reject(new Error(`haproxy -c failed for ${confPath}:\n${out || err.message}`));
      else resolve(out);
    });
  });
}
