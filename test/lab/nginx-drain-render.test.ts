// What LAB_DRAIN renders per strategy, checked by `nginx -t` and as text:
// sticky-cookie keeps the draining replica primary in its own pool only;
// round-robin takes it out; the hash strategies leave every key where it is.
// A native `sticky` nginx renders the portable form while a replica drains
// (same route cookie), which nginx 1.22 can load and the text shows.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nginxBinary, renderNginx, testConfig } from '../../apps/lab/src/nginx';
import type { Strategy } from '../../apps/lab/src/vocabulary';

const replicas = (drain: string[]) =>
  ['app1', 'app2', 'app3'].map((name, i) => ({ name, host: '127.0.0.1', port: 41001 + i, drain: drain.includes(name) }));

async function render(strategy: Strategy, drain: string[], version = '1.22.1') {
  const runDir = await mkdtemp(join(tmpdir(), 'lab-drain-render-'));
  try {
    const r = await renderNginx({ strategy, replicas: replicas(drain), listen: { host: '127.0.0.1', port: 40999 }, runDir, generation: 1, version });
    if (version === '1.22.1' || r.stickyMode !== 'native') await testConfig(nginxBinary(), runDir, r.confPath);
    return r;
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

/** The lines of one upstream block. */
const upstream = (text: string, name: string) => (new RegExp(`upstream ${name} \\{([^}]*)\\}`).exec(text)?.[1] ?? '').replace(/include .*\n/, '');

describe('drain rendered for nginx', () => {
  it('sticky-cookie: down for new clients and as a backup, primary in its own pool', async () => {
    const { text } = await render('sticky-cookie', ['app2']);
    expect(upstream(text, 'pool_all')).toMatch(/:41002 down;/);
    expect(upstream(text, 'pool_app1')).toMatch(/:41002 down;/);
    expect(upstream(text, 'pool_app2')).toMatch(/^\s*server 127\.0\.0\.1:41002 max_fails=1/);
    expect(upstream(text, 'pool_app3')).toMatch(/:41002 down;/);
  });

  it('a native-sticky nginx drains in the portable form, and goes back to native once nothing drains', async () => {
    const draining = await render('sticky-cookie', ['app2'], '1.30.0');
    expect(draining.stickyMode).toBe('portable');
    expect(draining.text).toContain('map $cookie_route $lab_pool');
    const none = await render('sticky-cookie', [], '1.30.0');
    expect(none.stickyMode).toBe('native');
  });

  it('round-robin binds nobody: down; hash strategies keep every key where it was', async () => {
    expect(upstream((await render('round-robin', ['app2'])).text, 'lab_backend')).toMatch(/:41002 down;/);
    for (const strategy of ['ip-hash', 'consistent-hash', 'url-hash'] as const) {
      const drained = upstream((await render(strategy, ['app2'])).text, 'lab_backend');
      expect([strategy, drained]).toEqual([strategy, upstream((await render(strategy, [])).text, 'lab_backend')]);
    }
  });
});
