import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const SYSTEM_DIRS = ['/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/bin', '/usr/local/bin'];

export class MissingBinaryError extends Error {
  constructor(binary: string, aptPackage: string) {
    super(
      `${binary} not found. Install it with: sudo apt-get install -y ${aptPackage}` +
        ` (or run the stack with Docker Compose: docker compose up --build)`,
    );
  }
}

/** Absolute path of `binary` from PATH or the usual sbin dirs, or null. */
export function findBinary(binary: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...SYSTEM_DIRS].filter(Boolean);
  for (const dir of dirs) {
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export function requireBinary(binary: string, aptPackage: string): string {
  const found = findBinary(binary);
  if (!found) throw new MissingBinaryError(binary, aptPackage);
  return found;
}
