// scripts/docker-offline.sh on a fresh machine: debootstrap is installed the
// way docker-engine.sh installs docker.io (as root, with apt-get), or the
// script says in one line what to install. apt-get and id are stand-ins on a
// PATH of their own, so the real system is never touched.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support';

const SCRIPT = join(ROOT, 'scripts/offline/need-debootstrap.sh');
let bin: string;

function tool(name: string, body: string): void {
  writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
}

/** Runs need_debootstrap as user `uid` with only `bin` on PATH. */
function needDebootstrap(uid: number) {
  tool('id', `echo ${uid}`);
  const run = spawnSync('/bin/bash', ['--norc', '--noprofile', '-c', `say() { echo "docker-offline: $*"; }; . "${SCRIPT}"; need_debootstrap`], { env: { PATH: bin }, encoding: 'utf8' });
  const log = (() => {
    try {
      return readFileSync(join(bin, 'apt.log'), 'utf8').trim().split('\n');
    } catch {
      return [];
    }
  })();
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, apt: log };
}

beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), 'offline-tools-'));
  // apt-get logs its arguments; "install … debootstrap" puts a debootstrap on PATH.
  tool('apt-get', `echo "$*" >> "${bin}/apt.log"\ncase "$*" in *install*debootstrap*) printf '#!/bin/sh\\n' > "${bin}/debootstrap"; chmod +x "${bin}/debootstrap";; esac`);
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));

describe('docker:offline and debootstrap', () => {
  it('installs debootstrap with apt-get when it runs as root', () => {
    const r = needDebootstrap(0);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('docker-offline: installing debootstrap (Debian 12)\n');
    expect(r.apt).toEqual(['update -qq', 'install -y -qq --no-install-recommends debootstrap']);
  });

  it('says in one line what to install when it is not root, and installs nothing', () => {
    const r = needDebootstrap(1000);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('docker-offline: debootstrap not found; as root run: apt-get install -y debootstrap (building the images needs root too)\n');
    expect(r.apt).toEqual([]);
  });

  it('does nothing when debootstrap is there', () => {
    tool('debootstrap', 'exit 0');
    const r = needDebootstrap(0);
    expect([r.code, r.stdout, r.apt]).toEqual([0, '', []]);
  });

  it('is what the script calls before it builds an image', () => {
    const script = readFileSync(join(ROOT, 'scripts/docker-offline.sh'), 'utf8');
    expect(script).toMatch(/^\. "\$HERE\/need-debootstrap\.sh"$/m);
    expect(script).toMatch(/else need_debootstrap; "build_\$kind" "\$tag"; fi/);
  });
});
