// deploy/k8s cannot run here (no cluster, no registry): every overlay is
// resolved as `kustomize build` would, every object is validated against the
// published schemas, and what the manifests promise about cart-api (probe
// paths, port, env, drain time, cookie names) is checked against cart-api's
// own code, so a change on either side fails here.
import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PATH_METADATA } from '@nestjs/common/constants';
import { parse } from 'yaml';
import { loadConfig } from '../../apps/cart-api/src/config/config';
import { HealthController } from '../../apps/cart-api/src/health/health.controller';
import { SESSION_COOKIE } from '../../apps/cart-api/src/session/session.middleware';
import { HARD_LIMIT_MS } from '../../apps/cart-api/src/shutdown';
import { baseDir, build, K8S_ROOT, Manifest, overlayDir } from './kustomize';
import { schemaErrors, sessionPersistenceErrors } from './validate';

const OVERLAYS = ['client-ip', 'ingress-nginx-cookie', 'ingress-nginx-hash', 'gateway-api', 'redis'];

type Container = { name: string; image: string; ports: Array<{ name: string; containerPort: number }>; env: Array<{ name: string; value?: string; valueFrom?: Record<string, { name?: string; key?: string; fieldPath?: string }> }>; readinessProbe: { httpGet: { path: string; port: string } }; livenessProbe: { httpGet: { path: string; port: string } }; lifecycle: { preStop: { sleep: { seconds: number } } } };

const find = (objects: Manifest[], kind: string, name: string): Manifest => {
  const m = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!m) throw new Error(`no ${kind}/${name} in ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return m;
};
const spec = <T>(m: Manifest): T => m.spec as T;
const cartApi = (objects: Manifest[]): Container => spec<{ template: { spec: { containers: Container[] } } }>(find(objects, 'Deployment', 'cart-api')).template.spec.containers[0];
const annotations = (m: Manifest): Record<string, string> => (m.metadata.annotations ?? {}) as Record<string, string>;

/** The container's environment as the kubelet would give it (refs resolved from the same output). */
function containerEnv(objects: Manifest[], c: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of c.env) {
    if (e.value !== undefined) env[e.name] = e.value;
    else if (e.valueFrom?.fieldRef?.fieldPath === 'metadata.name') env[e.name] = 'cart-api-7d9f8b6c5-x2k4p';
    else if (e.valueFrom?.secretKeyRef) {
      const ref = e.valueFrom.secretKeyRef;
      const secret = find(objects, 'Secret', ref.name!) as Manifest & { stringData?: Record<string, string> };
      if (secret.stringData?.[ref.key!] === undefined) throw new Error(`${e.name}: secret ${ref.name} has no key ${ref.key}`);
      env[e.name] = secret.stringData[ref.key!];
    } else throw new Error(`${e.name}: a value source this test does not resolve`);
  }
  return env;
}

describe('deploy/k8s: every overlay resolves and validates against the published schemas', () => {
  it('has one test entry per overlay directory', () => {
    expect(readdirSync(join(K8S_ROOT, 'overlays')).sort()).toEqual([...OVERLAYS].sort());
  });

  it.each(['base', ...OVERLAYS])('%s: every object is valid', (name) => {
    const objects = build(name === 'base' ? baseDir() : overlayDir(name));
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.flatMap(schemaErrors)).toEqual([]);
  });
});

describe('deploy/k8s: the manifests keep cart-api\'s own contract', () => {
  const objects = build(baseDir());
  const c = cartApi(objects);

  it('probes the routes cart-api serves: readiness /health/ready, liveness /health/live', () => {
    const base = Reflect.getMetadata(PATH_METADATA, HealthController);
    const route = (method: keyof HealthController) => `/${base}/${Reflect.getMetadata(PATH_METADATA, HealthController.prototype[method])}`;
    expect(c.readinessProbe.httpGet.path).toBe(route('ready'));
    expect(c.livenessProbe.httpGet.path).toBe(route('live'));
  });

  it('gives cart-api an environment its own config accepts, on the port the pod and Service expose', () => {
    const config = loadConfig(containerEnv(objects, c));
    expect(config.sessionStore).toBe('memory');
    expect(config.host).toBe('0.0.0.0'); // a pod on loopback is unreachable from its probes and its Service
    expect(config.secretGenerated).toBe(false); // one shared secret, or cookies break across pods
    const port = c.ports.find((p) => p.name === c.readinessProbe.httpGet.port)!;
    expect(port.containerPort).toBe(config.port);
    const service = spec<{ selector: Record<string, string>; ports: Array<{ targetPort: string }> }>(find(objects, 'Service', 'cart-api'));
    expect(service.ports[0].targetPort).toBe(port.name);
    const deployment = spec<{ selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> } } }>(find(objects, 'Deployment', 'cart-api'));
    expect(deployment.template.metadata.labels).toMatchObject(service.selector);
    expect(deployment.template.metadata.labels).toMatchObject(deployment.selector.matchLabels);
  });

  it('waits longer than the preStop pause plus cart-api\'s own drain limit before SIGKILL', () => {
    const grace = spec<{ template: { spec: { terminationGracePeriodSeconds: number } } }>(find(objects, 'Deployment', 'cart-api')).template.spec.terminationGracePeriodSeconds;
    expect(grace).toBeGreaterThan(c.lifecycle.preStop.sleep.seconds + HARD_LIMIT_MS / 1000);
  });

  it('runs the image docker-compose.yml builds from this checkout', () => {
    const compose = parse(readFileSync(join(K8S_ROOT, '../../docker-compose.yml'), 'utf8')) as { 'x-cart-api': { image: string } };
    expect(c.image).toBe(compose['x-cart-api'].image);
    const version = (JSON.parse(readFileSync(join(K8S_ROOT, '../../package.json'), 'utf8')) as { version: string }).version;
    expect(c.image.endsWith(`:${version}`)).toBe(true);
  });
});

describe('deploy/k8s: each overlay is the affinity form it names', () => {
  it('client-ip: Service sessionAffinity ClientIP with a timeout Kubernetes accepts (1..86400 s)', () => {
    const service = spec<{ sessionAffinity: string; sessionAffinityConfig: { clientIP: { timeoutSeconds: number } } }>(find(build(overlayDir('client-ip')), 'Service', 'cart-api'));
    expect(service.sessionAffinity).toBe('ClientIP');
    expect(service.sessionAffinityConfig.clientIP.timeoutSeconds).toBeGreaterThan(0);
    expect(service.sessionAffinityConfig.clientIP.timeoutSeconds).toBeLessThanOrEqual(86_400);
  });

  it.each(['ingress-nginx-cookie', 'ingress-nginx-hash'])('%s: the Ingress routes to the Service port that exists', (name) => {
    const objects = build(overlayDir(name));
    const backend = spec<{ rules: Array<{ http: { paths: Array<{ backend: { service: { name: string; port: { name: string } } } }> } }> }>(find(objects, 'Ingress', 'cart-api')).rules[0].http.paths[0].backend.service;
    const service = spec<{ ports: Array<{ name: string }> }>(find(objects, 'Service', backend.name));
    expect(service.ports.map((p) => p.name)).toContain(backend.port.name);
  });

  it('ingress-nginx-cookie: cookie affinity that re-pins on failure, in its own cookie', () => {
    const a = annotations(find(build(overlayDir('ingress-nginx-cookie')), 'Ingress', 'cart-api'));
    const key = (k: string) => `nginx.ingress.kubernetes.io/${k}`;
    expect(a[key('affinity')]).toBe('cookie');
    expect(['balanced', 'persistent']).toContain(a[key('affinity-mode')]);
    expect(a[key('session-cookie-change-on-failure')]).toBe('true');
    expect(a[key('session-cookie-name')]).not.toBe(SESSION_COOKIE);
  });

  it('ingress-nginx-hash: hashes the client address, not a client-supplied header', () => {
    const a = annotations(find(build(overlayDir('ingress-nginx-hash')), 'Ingress', 'cart-api'));
    expect(a['nginx.ingress.kubernetes.io/upstream-hash-by']).toBe('$binary_remote_addr');
  });

  it('gateway-api: cookie sessionPersistence on the rule that routes to cart-api, in its own cookie', () => {
    const objects = build(overlayDir('gateway-api'));
    const route = spec<{ parentRefs: Array<{ name: string }>; rules: Array<{ backendRefs: Array<{ name: string; port: number }>; sessionPersistence: { type: string; sessionName: string } }> }>(find(objects, 'HTTPRoute', 'cart-api'));
    find(objects, 'Gateway', route.parentRefs[0].name);
    const service = spec<{ ports: Array<{ port: number }> }>(find(objects, 'Service', route.rules[0].backendRefs[0].name));
    expect(service.ports.map((p) => p.port)).toContain(route.rules[0].backendRefs[0].port);
    expect(route.rules[0].sessionPersistence.type).toBe('Cookie');
    expect(route.rules[0].sessionPersistence.sessionName).not.toBe(SESSION_COOKIE);
  });

  it('redis: cart-api keeps sessions in the Redis Service the overlay adds', () => {
    const objects = build(overlayDir('redis'));
    const config = loadConfig(containerEnv(objects, cartApi(objects)));
    expect(config.sessionStore).toBe('redis');
    const url = new URL(config.redisUrl);
    const service = spec<{ ports: Array<{ port: number }> }>(find(objects, 'Service', url.hostname));
    expect(service.ports.map((p) => p.port)).toContain(Number(url.port));
  });
});

describe('deploy/k8s checks can fail', () => {
  const tmp = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-spec-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('refuses a kustomization feature the resolver does not implement, and a patch without a target', () => {
    expect(() => build(tmp({ 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamePrefix: x-\n' }))).toThrow(/unsupported field\(s\) namePrefix/);
    const dangling = tmp({
      'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches:\n  - path: p.yaml\n',
      'p.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nobody\n',
    });
    expect(() => build(dangling)).toThrow(/targets Service\/nobody, which no resource declares/);
  });

  it('merges a patch the strategic way: containers and env by name', () => {
    const objects = build(overlayDir('redis'));
    const c = cartApi(objects);
    expect(c.env.filter((e) => e.name === 'SESSION_STORE')).toEqual([{ name: 'SESSION_STORE', value: 'redis' }]);
    expect(c.readinessProbe.httpGet.path).toBe('/health/ready'); // kept from the base
  });

  it('reports schema errors: a port that is not a number, a kind it does not know', () => {
    const [deployment] = build(baseDir()).filter((m) => m.kind === 'Deployment');
    const broken = JSON.parse(JSON.stringify(deployment)) as Manifest & { spec: { template: { spec: { containers: Array<{ ports: Array<{ containerPort: unknown }> }> } } } };
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'eighty';
    expect(schemaErrors(broken).join()).toMatch(/containerPort must be integer/);
    expect(schemaErrors({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'x' } })).toEqual(['example.com/v1 Thing: no schema known to this test']);
  });

  it('reports sessionPersistence errors Gateway API would reject', () => {
    const route = (sp: Record<string, unknown>): Manifest => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { rules: [{ sessionPersistence: sp }] } });
    expect(sessionPersistenceErrors(route({ sessionName: 'x'.repeat(129) })).join()).toMatch(/at most 128/);
    expect(sessionPersistenceErrors(route({ idleTimeout: '1d' })).join()).toMatch(/idleTimeout: must match/);
    expect(sessionPersistenceErrors(route({ cookieConfig: { lifetimeType: 'Permanent' } })).join()).toMatch(/absoluteTimeout is required/);
    expect(sessionPersistenceErrors(route({ type: 'cookie' })).join()).toMatch(/Cookie or Header/);
    expect(sessionPersistenceErrors(route({ sessionNmae: 'x' })).join()).toMatch(/sessionNmae: unknown field/);
    expect(sessionPersistenceErrors(route({ type: 'Cookie', sessionName: 'route', idleTimeout: '1h', cookieConfig: { lifetimeType: 'Session' } }))).toEqual([]);
  });
});
