import * as c from './commands';
import { cloneReplica, overrideFile, REPLICA_PORT } from './override';
import { addressBatch, clientNet, createArgs, labAddresses, probeLabAddress, sourceFor } from './client-net';

const project: c.ComposeProject = { cli: ['docker', 'compose'], name: 'sticky-lab-abcd1234', files: ['/r/docker-compose.yml', '/t/o.json'] };

describe('compose command lines', () => {
  it('put the project name and every file before the verb, for the plugin and the standalone binary', () => {
    expect(c.composeArgv(project, ...c.stopArgs('app2'))).toEqual([
      'compose', '-p', 'sticky-lab-abcd1234', '-f', '/r/docker-compose.yml', '-f', '/t/o.json', 'stop', '-t', '10', 'app2',
    ]);
    expect(c.composeArgv({ ...project, cli: ['docker-compose'] }, 'ps')).toEqual([
      '-p', 'sticky-lab-abcd1234', '-f', '/r/docker-compose.yml', '-f', '/t/o.json', 'ps',
    ]);
  });

  it('map the fault verbs to compose verbs: kill is SIGKILL, pause is the freezer, start reuses the container', () => {
    expect(c.killArgs('app1')).toEqual(['kill', '-s', 'SIGKILL', 'app1']);
    expect(c.pauseArgs('app1')).toEqual(['pause', 'app1']);
    expect(c.unpauseArgs('app1')).toEqual(['unpause', 'app1']);
    expect(c.startArgs('app1')).toEqual(['start', 'app1']);
    expect(c.removeArgs('app4')).toEqual(['rm', '--stop', '--force', 'app4']);
  });

  it('start services without their dependencies, building only when asked', () => {
    expect(c.upArgs(['app1', 'app2'], true)).toEqual(['up', '-d', '--no-deps', '--build', 'app1', 'app2']);
    expect(c.upArgs(['nginx'])).toEqual(['up', '-d', '--no-deps', 'nginx']);
  });

  it('tear down with volumes and orphans (added replicas) so nothing is left behind', () => {
    expect(c.downArgs()).toEqual(expect.arrayContaining(['down', '-v', '--remove-orphans']));
  });

  it('use unique lowercase project names that Compose accepts', () => {
    const a = c.projectName();
    expect(a).toMatch(/^sticky-lab-[0-9a-f]{8}$/);
    expect(c.projectName()).not.toBe(a);
  });

  it('add the redis override only for the redis store', () => {
    expect(c.composeFiles('memory')).toEqual(['docker-compose.yml']);
    expect(c.composeFiles('redis')).toEqual(['docker-compose.yml', 'docker-compose.redis.yml']);
  });

  it('add the haproxy override last, after the store files', () => {
    expect(c.composeFiles('memory', 'none', 'haproxy')).toEqual(['docker-compose.yml', 'docker-compose.haproxy.yml']);
    expect(c.composeFiles('redis', 'aof', 'haproxy')).toEqual([
      'docker-compose.yml', 'docker-compose.redis.yml', 'docker-compose.redis-aof.yml', 'docker-compose.haproxy.yml',
    ]);
  });

  it('take the balancer from the option, else LB_ENGINE, else nginx, and refuse anything else by name', () => {
    expect(c.balancerEngine(undefined, undefined)).toBe('nginx');
    expect(c.balancerEngine(undefined, '')).toBe('nginx');
    expect(c.balancerEngine(undefined, 'haproxy')).toBe('haproxy');
    expect(c.balancerEngine('nginx', 'haproxy')).toBe('nginx');
    expect(() => c.balancerEngine(undefined, 'HAProxy')).toThrow('LB_ENGINE must be one of nginx, haproxy, got "HAProxy"');
    expect(() => c.balancerEngine('envoy', undefined)).toThrow(expect.objectContaining({ kind: 'invalid-argument' }));
  });

  it('re-render HAProxy through its entrypoint (check, swap, SIGUSR2) with the same variables as nginx', () => {
    const argv = c.rerenderArgs('haproxy', { strategy: 'url-hash', replicas: ['app1', 'app2', 'app3'], down: ['app2'], drain: ['app3'], generation: 3, addresses: { app1: '172.18.0.5' } });
    expect(argv).toEqual([
      'exec', '-T', '-e', 'LB_STRATEGY=url-hash', '-e', 'LAB_REPLICAS=app1=172.18.0.5:8000 app2=app2:8000 app3=app3:8000', '-e', 'LAB_DOWN=app2', '-e', 'LAB_DRAIN=app3', '-e', 'LAB_GENERATION=3',
      'haproxy', '/usr/local/bin/lab-entrypoint.sh', 'reload',
    ]);
    expect(c.rerenderArgs('nginx', { strategy: 'ip-hash', replicas: ['app1'], down: [] })).toEqual(c.nginxRerenderArgs({ strategy: 'ip-hash', replicas: ['app1'], down: [] }));
  });

  it('read either balancer\'s version from where it prints it', () => {
    expect(c.parseBalancerVersion('haproxy', { stdout: 'HAProxy version 3.2.9-1 2025/11/20 - https://haproxy.org/\n', stderr: '' })).toBe('3.2.9');
    expect(c.parseBalancerVersion('nginx', { stdout: '', stderr: 'nginx version: nginx/1.30.0\n' })).toBe('1.30.0');
    expect(() => c.parseBalancerVersion('haproxy', { stdout: 'sh: haproxy: not found', stderr: '' })).toThrow(/cannot read an HAProxy version/);
  });

  it('pass exec environment as -e flags before the service, without a TTY', () => {
    expect(c.execArgs('nginx', ['nginx', '-T'], { A: '1', B: 'x y' })).toEqual([
      'exec', '-T', '-e', 'A=1', '-e', 'B=x y', 'nginx', 'nginx', '-T',
    ]);
  });

  it('re-render nginx in place with the current replica list and marked-down set, then test and reload', () => {
    const argv = c.nginxRerenderArgs({ strategy: 'ip-hash', replicas: ['app1', 'app2', 'app4'], down: ['app2'], generation: 7 });
    expect(argv).toContain('LAB_GENERATION=7');
    expect(argv.slice(0, 2)).toEqual(['exec', '-T']);
    expect(argv).toContain('LAB_REPLICAS=app1=app1:8000 app2=app2:8000 app4=app4:8000');
    expect(argv).toContain('LAB_DOWN=app2');
    expect(argv).toContain('LB_STRATEGY=ip-hash');
    const script = argv[argv.length - 1];
    // Sourced before the image's envsubst script, as the entrypoint does; reload only after `nginx -t`.
    expect(script.indexOf('.envsh')).toBeLessThan(script.indexOf('20-envsubst-on-templates.sh'));
    expect(script.indexOf('nginx -t')).toBeLessThan(script.indexOf('nginx -s reload'));
    expect(script).toMatch(/^set -e/);
  });

  it('asks HAProxy\'s runtime API inside its container with the command as an argument, never through a shell', () => {
    const argv = c.haproxyRuntimeArgs('show servers state lab_backend');
    expect(argv.slice(0, 5)).toEqual(['exec', '-T', 'haproxy', 'perl', '-MIO::Socket::UNIX']);
    expect(argv.slice(-2)).toEqual([c.HAPROXY_ADMIN_SOCKET, 'show servers state lab_backend']);
    expect(argv[6]).toMatch(/^alarm 5;/);
    for (const bad of ['show info\nshutdown sessions', 'show info; disable server lab_backend/app1']) {
      expect(() => c.haproxyRuntimeArgs(bad)).toThrow('one runtime API command only');
    }
  });
});

describe('environment for the compose files', () => {
  it('asks for an ephemeral nginx port unless one is given', () => {
    const base = { strategy: 'sticky-cookie' as const, replicas: ['app1', 'app2'], down: [], sessionSecret: 's3cret' };
    expect(c.projectEnv(base)).toEqual({
      LB_STRATEGY: 'sticky-cookie',
      LAB_REPLICAS: 'app1=app1:8000 app2=app2:8000',
      LAB_DOWN: '',
      LAB_DRAIN: '',
      SESSION_SECRET: 's3cret',
      LAB_HTTP_PORT: '',
      COMPOSE_PROFILES: 'scale',
    });
    expect(c.projectEnv({ ...base, port: 18080 }).LAB_HTTP_PORT).toBe('18080');
    const limits = { SESSION_TTL_SECONDS: '60', SESSION_MAX: '5' };
    expect(c.projectEnv({ ...base, sessionLimits: limits })).toMatchObject(limits);
  });

  it('writes container addresses into LAB_REPLICAS where known, service names otherwise', () => {
    expect(c.labReplicas(['app1', 'app2'], { app2: '172.18.0.3' })).toBe('app1=app1:8000 app2=172.18.0.3:8000');
    const env = c.nginxEnv({ strategy: 'round-robin', replicas: ['app1'], down: [], addresses: { app1: '10.0.0.2' } });
    expect(env.LAB_REPLICAS).toBe('app1=10.0.0.2:8000');
  });

  it('orders LAB_DOWN numerically so the value is stable', () => {
    expect(c.replicaNameList(new Set(['app10', 'app2']))).toBe('app2 app10');
  });
});

describe('parsing CLI output', () => {
  it('reads the host port from `docker compose port`, IPv4 or IPv6', () => {
    expect(c.parsePort('127.0.0.1:49153\n')).toBe(49153);
    expect(c.parsePort('[::]:32768')).toBe(32768);
    expect(() => c.parsePort('')).toThrow(/cannot read a host port/);
    expect(() => c.parsePort(':0')).toThrow();
  });

  it('reads the IPv4 address of a container from docker inspect', () => {
    expect(c.parseAddress('172.18.0.4 \n')).toBe('172.18.0.4');
    expect(c.parseAddress(' 10.231.1.3 172.18.0.2 ')).toBe('10.231.1.3');
    expect(() => c.parseAddress(' \n')).toThrow(/cannot read a container address/);
    expect(c.inspectAddressArgs('abc')[0]).toBe('inspect');
  });

  it('reads the nginx version and which sticky implementation the rendered config uses', () => {
    expect(c.parseNginxVersion('nginx version: nginx/1.30.0\n')).toBe('1.30.0');
    expect(() => c.parseNginxVersion('sh: nginx: not found')).toThrow();
    expect(c.stickyKind('sticky-cookie', 'upstream u {\n    sticky cookie route;\n}')).toBe('native');
    expect(c.stickyKind('sticky-cookie', 'map $cookie_route $pool {}\n# sticky cookie is not used')).toBe('portable');
    expect(c.stickyKind('round-robin', '    sticky cookie route;')).toBe('n/a');
  });
});

describe('generated override', () => {
  const model = {
    image: 'sticky-sessions-lab/cart-api:0.1.0',
    build: { context: '/r', dockerfile: 'docker/cart-api.Dockerfile' },
    init: true,
    hostname: 'app1',
    container_name: 'x',
    command: null,
    ports: [{ target: 8000 }],
    environment: { APP_NAME: 'app1', SESSION_STORE: 'redis', SESSION_SECRET: 's' },
    depends_on: { redis: { condition: 'service_healthy' } },
  };

  it('publishes every replica on an ephemeral loopback port and passes extra env only to replicas', () => {
    const o = overrideFile({ replicas: ['app1', 'app2'], defined: ['app1', 'app2', 'app3'], env: { LOG_LEVEL: 'silent' } });
    expect(Object.keys(o.services)).toEqual(['app1', 'app2']);
    expect(o.services.app1).toEqual({ ports: ['127.0.0.1::8000'], environment: { LOG_LEVEL: 'silent' } });
    expect(REPLICA_PORT.startsWith('127.0.0.1::')).toBe(true);
    expect(overrideFile({ replicas: ['app1'], defined: ['app1'], env: {} }).services.app1).not.toHaveProperty('environment');
  });

  it('publishes a chosen host port on loopback only, with each replica\'s own INSTANCE_ID', () => {
    const o = overrideFile({
      replicas: ['app1', 'app5'],
      defined: ['app1'],
      model: { image: 'x', environment: { APP_NAME: 'app1' } },
      env: {},
      instances: { app1: 'i-1', app5: 'i-5' },
      hostPorts: { app1: 41001, app5: 41005 },
    });
    expect(o.services.app1).toEqual({ ports: ['127.0.0.1:41001:8000'], environment: { INSTANCE_ID: 'i-1' } });
    expect(o.services.app5).toMatchObject({ ports: ['127.0.0.1:41005:8000'], environment: { APP_NAME: 'app5', INSTANCE_ID: 'i-5' } });
  });

  it('defines added replicas as copies of app1 with their own name, keeping store, secret and dependencies', () => {
    const o = overrideFile({ replicas: ['app1', 'app4'], defined: ['app1'], model, env: { SESSION_TTL_SECONDS: '60' } });
    const app4 = o.services.app4;
    expect(app4.environment).toEqual({ APP_NAME: 'app4', SESSION_STORE: 'redis', SESSION_SECRET: 's', SESSION_TTL_SECONDS: '60' });
    expect(app4.depends_on).toEqual(model.depends_on);
    expect(app4.image).toBe(model.image);
    expect(app4.ports).toEqual(['127.0.0.1::8000']);
    for (const k of ['hostname', 'container_name', 'command']) expect(app4).not.toHaveProperty(k);
  });

  it('refuses to invent a replica without a model', () => {
    expect(() => overrideFile({ replicas: ['app4'], defined: ['app1'], env: {} })).toThrow(/no model/);
  });

  it('does not let extra env rename a copy', () => {
    expect(cloneReplica(model, 'app5', { APP_NAME: 'evil' }).environment).toMatchObject({ APP_NAME: 'app5' });
  });
});

describe('the clients\' own network', () => {
  const n = clientNet('sticky-lab-abcd1234', 77, '0a1b2c3d');
  const given = new Set(labAddresses());

  it('is a labelled /16 whose bridge has a short, known name, Docker handing out only the top /24', () => {
    expect(n).toEqual({ name: 'sticky-lab-abcd1234_clients', bridge: 'slc0a1b2c3d', prefix: '10.77', balancer: '10.77.255.254' });
    expect(n.bridge.length).toBeLessThanOrEqual(15);
    expect(createArgs(n, 'sticky-lab-abcd1234')).toEqual(expect.arrayContaining([
      '--subnet', '10.77.0.0/16', '--ip-range', '10.77.255.0/24', '-o', 'com.docker.network.bridge.name=slc0a1b2c3d',
      '--label', 'com.docker.compose.project=sticky-lab-abcd1234',
    ]));
  });

  it('keeps the /24 structure of lab addresses: one per user, one shared NAT /24', () => {
    expect(sourceFor(n, given, '127.0.1.1')).toBe('10.77.1.1');
    expect(sourceFor(n, given, '127.0.254.1')).toBe('10.77.254.1');
    expect(sourceFor(n, given, '127.0.200.30')).toBe('10.77.200.30');
    expect(given.size).toBe(254 + 253);
  });

  it('refuses an address the host was not given instead of sending it through the shared one', () => {
    expect(() => sourceFor(n, given, '127.0.5.9')).toThrow(/no address for 127\.0\.5\.9/);
    expect(() => sourceFor(n, given, '10.0.0.1')).toThrow(/no address/);
  });

  it('routing probes reach every one of 4 servers under nginx ip_hash and HAProxy source, from the first 64 probes', () => {
    const octets = (a: string) => a.split('.').map(Number);
    // nginx ip_hash, first try: the first three octets through its hash, modulo the total weight.
    const ipHash = (a: string) => octets(a).slice(0, 3).reduce((h, b) => (h * 113 + b) % 6271, 89) % 4;
    // HAProxy 2.6 map-based `balance source`: the address as a number modulo the total weight.
    const source = (a: string) => octets(a).reduce((h, b) => h * 256 + b, 0) % 4;
    for (const second of [32, 77, 141, 223]) {
      const net = clientNet('p', second, '00000000');
      const probes = Array.from({ length: 64 }, (_, k) => sourceFor(net, given, probeLabAddress(k)));
      expect(new Set(probes.map(ipHash)).size).toBe(4);
      expect(new Set(probes.map(source)).size).toBe(4);
    }
    expect(new Set(Array.from({ length: 1014 }, (_, k) => probeLabAddress(k))).size).toBe(254 + 253);
  });

  it('adds every address in one ip batch, each in the /16 so the bridge route covers it', () => {
    const lines = addressBatch(n, ['127.0.1.1', '127.0.200.7']).trim().split('\n');
    expect(lines).toEqual(['address add 10.77.1.1/16 dev slc0a1b2c3d', 'address add 10.77.200.7/16 dev slc0a1b2c3d']);
  });

  it('attaches only the balancer, at its fixed address, keeping its default network', () => {
    const body = overrideFile({ replicas: ['app1'], defined: ['app1'], env: {}, clientNet: { service: 'haproxy', network: n.name, address: n.balancer } });
    expect(body.services.haproxy).toEqual({ networks: { default: {}, labclients: { ipv4_address: '10.77.255.254' } } });
    expect(body.networks).toEqual({ labclients: { external: true, name: 'sticky-lab-abcd1234_clients' } });
    expect(overrideFile({ replicas: ['app1'], defined: ['app1'], env: {} }).networks).toBeUndefined();
  });
});
