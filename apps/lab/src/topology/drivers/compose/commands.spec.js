"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const c = __importStar(require("./commands"));
const override_1 = require("./override");
const project = { cli: ['docker', 'compose'], name: 'sticky-lab-abcd1234', files: ['/r/docker-compose.yml', '/t/o.json'] };
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
    it('pass exec environment as -e flags before the service, without a TTY', () => {
        expect(c.execArgs('nginx', ['nginx', '-T'], { A: '1', B: 'x y' })).toEqual([
            'exec', '-T', '-e', 'A=1', '-e', 'B=x y', 'nginx', 'nginx', '-T',
        ]);
    });
    it('re-render nginx in place with the current replica list and drained set, then test and reload', () => {
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
});
describe('environment for the compose files', () => {
    it('asks for an ephemeral nginx port unless one is given', () => {
        const base = { strategy: 'sticky-cookie', replicas: ['app1', 'app2'], down: [], sessionSecret: 's3cret' };
        expect(c.projectEnv(base)).toEqual({
            LB_STRATEGY: 'sticky-cookie',
            LAB_REPLICAS: 'app1=app1:8000 app2=app2:8000',
            LAB_DOWN: '',
            SESSION_SECRET: 's3cret',
            LAB_HTTP_PORT: '',
            COMPOSE_PROFILES: 'scale',
        });
        expect(c.projectEnv({ ...base, port: 18080 }).LAB_HTTP_PORT).toBe('18080');
    });
    it('writes container addresses into LAB_REPLICAS where known, service names otherwise', () => {
        expect(c.labReplicas(['app1', 'app2'], { app2: '172.18.0.3' })).toBe('app1=app1:8000 app2=172.18.0.3:8000');
        const env = c.nginxEnv({ strategy: 'round-robin', replicas: ['app1'], down: [], addresses: { app1: '10.0.0.2' } });
        expect(env.LAB_REPLICAS).toBe('app1=10.0.0.2:8000');
    });
    it('orders LAB_DOWN numerically so the value is stable', () => {
        expect(c.labDown(new Set(['app10', 'app2']))).toBe('app2 app10');
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
        const o = (0, override_1.overrideFile)({ replicas: ['app1', 'app2'], defined: ['app1', 'app2', 'app3'], env: { LOG_LEVEL: 'silent' } });
        expect(Object.keys(o.services)).toEqual(['app1', 'app2']);
        expect(o.services.app1).toEqual({ ports: ['127.0.0.1::8000'], environment: { LOG_LEVEL: 'silent' } });
        expect(override_1.REPLICA_PORT.startsWith('127.0.0.1::')).toBe(true);
        expect((0, override_1.overrideFile)({ replicas: ['app1'], defined: ['app1'], env: {} }).services.app1).not.toHaveProperty('environment');
    });
    it('publishes a chosen host port on loopback only, with each replica\'s own INSTANCE_ID', () => {
        const o = (0, override_1.overrideFile)({
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
        const o = (0, override_1.overrideFile)({ replicas: ['app1', 'app4'], defined: ['app1'], model, env: { SESSION_TTL_SECONDS: '60' } });
        const app4 = o.services.app4;
        expect(app4.environment).toEqual({ APP_NAME: 'app4', SESSION_STORE: 'redis', SESSION_SECRET: 's', SESSION_TTL_SECONDS: '60' });
        expect(app4.depends_on).toEqual(model.depends_on);
        expect(app4.image).toBe(model.image);
        expect(app4.ports).toEqual(['127.0.0.1::8000']);
        for (const k of ['hostname', 'container_name', 'command'])
            expect(app4).not.toHaveProperty(k);
    });
    it('refuses to invent a replica without a model', () => {
        expect(() => (0, override_1.overrideFile)({ replicas: ['app4'], defined: ['app1'], env: {} })).toThrow(/no model/);
    });
    it('does not let extra env rename a copy', () => {
        expect((0, override_1.cloneReplica)(model, 'app5', { APP_NAME: 'evil' }).environment).toMatchObject({ APP_NAME: 'app5' });
    });
});
//# sourceMappingURL=commands.spec.js.map