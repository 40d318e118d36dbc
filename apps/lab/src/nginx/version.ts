import { execFile } from 'node:child_process';
import { requireBinary } from '../util/find-binary';

export function nginxBinary(): string {
  return requireBinary('nginx', 'nginx');
}

/** `1.22.1` from `nginx -v` (which prints to stderr). */
export function nginxVersion(binary: string = nginxBinary()): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, ['-v'], { timeout: 10_000 }, (err, stdout, stderr) => {
      const match = /nginx\/(\d+\.\d+\.\d+)/.exec(`${stderr}${stdout}`);
      if (match) resolve(match[1]);
      else reject(new Error(`cannot read the version of ${binary}: ${err?.message ?? stderr}`));
    });
  });
}

/** The open-source `sticky` directive appeared in nginx 1.29.6. */
export function supportsNativeSticky(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
  if (major !== 1) return major > 1;
  return minor > 29 || (minor === 29 && patch >= 6);
}
