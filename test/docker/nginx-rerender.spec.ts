// The compose driver's in-place re-render, run here against the repository's
// upstream script: sourcing it as the image's entrypoint does and then
// rendering the staged templates must produce the new replica list, marked-down
// set and generation. The image's envsubst step is replaced by a stand-in
// (render every *.template of NGINX_ENVSUBST_TEMPLATE_DIR with the defined
// variables); `nginx -t` and the reload are echoed, not run.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NGINX_RELOAD_STEP, NGINX_RERENDER_SCRIPT, nginxRerenderArgs, NginxEnv } from '../../apps/lab/src/topology/drivers/compose/commands';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { ROOT } from './support';
import { noteSkip } from '../support/skip';

const envsubst = findBinary('envsubst');
if (!envsubst) noteSkip('nginx-rerender.spec: envsubst not installed (sudo apt-get install -y gettext-base)');
const describeWithEnvsubst = envsubst ? describe : describe.skip;

const STAND_IN = `#!/bin/sh
set -e
vars=$(env | cut -d= -f1 | sed 's/^/$/' | tr '\\n' ' ')
find "$NGINX_ENVSUBST_TEMPLATE_DIR" -type f -name '*.template' | while read -r t; do
  out="$NGINX_ENVSUBST_OUTPUT_DIR/\${t#"$NGINX_ENVSUBST_TEMPLATE_DIR/"}"
  mkdir -p "$(dirname "$out")"
  envsubst "$vars" < "$t" > "\${out%.template}"
done
`;

function rerender(dir: string, target: NginxEnv): { stdout: string; conf: string; server: string } {
  const argv = nginxRerenderArgs(target);
  const env: Record<string, string> = {};
  argv.forEach((a, i) => {
    if (a === '-e') env[argv[i + 1].split('=')[0]] = argv[i + 1].slice(argv[i + 1].indexOf('=') + 1);
  });
  const script = argv[argv.length - 1]
    .replaceAll('/docker-entrypoint.d/', `${dir}/entrypoint.d/`)
    .replace('nginx -t -q', 'echo nginx-t')
    .replace(NGINX_RELOAD_STEP, 'echo nginx-reload');
  const stdout = execFileSync('sh', ['-c', script], {
    env: {
      PATH: process.env.PATH,
      ...env,
      LAB_TEMPLATE_SRC: join(ROOT, 'nginx/templates'),
      LAB_STAGE_DIR: join(dir, 'stage'),
      LAB_INCLUDE_DIR: join(dir, 'conf.d/lab'),
      NGINX_ENVSUBST_OUTPUT_DIR: join(dir, 'conf.d'),
      LAB_NGINX_VERSION: '1.30.0',
    },
  }).toString();
  return {
    stdout,
    conf: readFileSync(join(dir, 'conf.d/default.conf'), 'utf8'),
    server: readFileSync(join(dir, 'conf.d/lab/server.conf'), 'utf8'),
  };
}

describeWithEnvsubst('in-place nginx re-render (compose driver)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lab-rerender-'));
    mkdirSync(join(dir, 'entrypoint.d'));
    mkdirSync(join(dir, 'conf.d'));
    copyFileSync(join(ROOT, 'nginx/docker-entrypoint.d/19-lab-upstreams.envsh'), join(dir, 'entrypoint.d/19-lab-upstreams.envsh'));
    writeFileSync(join(dir, 'entrypoint.d/20-envsubst-on-templates.sh'), STAND_IN, { mode: 0o755 });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('renders the new replicas by address, the marked-down one as down, and the new generation, then tests and reloads', () => {
    const r = rerender(dir, {
      strategy: 'round-robin',
      replicas: ['app1', 'app2', 'app4'],
      down: ['app2'],
      generation: 5,
      addresses: { app1: '172.18.0.2', app2: '172.18.0.3' },
    });
    expect(r.conf).toMatch(/server 172\.18\.0\.2:8000 max_fails=\d+ fail_timeout=\S+;\s+# app1/);
    expect(r.conf).toMatch(/server 172\.18\.0\.3:8000 down;\s+# app2/);
    expect(r.conf).toMatch(/server app4:8000 max_fails=\d+ fail_timeout=\S+;\s+# app4/);
    expect(r.conf).not.toMatch(/app3/);
    expect(r.server).toContain('return 200 "5\\n";');
    expect(r.stdout.trim().split('\n').slice(-2)).toEqual(['nginx-t', 'nginx-reload']);
  });

  it('picks the native sticky form on the pinned image version', () => {
    const r = rerender(dir, { strategy: 'sticky-cookie', replicas: ['app1', 'app2'], down: [], generation: 1 });
    expect(r.conf).toMatch(/^\s*sticky cookie route\b/m);
    expect(r.conf).toMatch(/server app2:8000 route=app2/);
  });

  it('stops before the reload when the upstream script rejects its input', () => {
    let failure: { stdout?: Buffer; stderr?: Buffer } | undefined;
    try {
      rerender(dir, { strategy: 'round-robin', replicas: ['app1', 'bad name'], down: [], generation: 2 });
    } catch (err) {
      failure = err as typeof failure;
    }
    expect(failure).toBeDefined();
    expect(failure!.stderr?.toString()).toMatch(/lab-upstreams: bad replica/);
    expect(failure!.stdout?.toString()).not.toContain('nginx-reload');
    expect(NGINX_RERENDER_SCRIPT.startsWith('set -e')).toBe(true);
  });
});
