"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const supertest_1 = __importDefault(require("supertest"));
const cart_api_1 = require("../../../../test/support/cart-api");
const config_1 = require("../config/config");
const announce_1 = require("./announce");
describe('readiness names the instance a supervisor gave it', () => {
    let withId;
    let without;
    beforeAll(async () => {
        [withId, without] = await Promise.all([(0, cart_api_1.createTestApp)({ INSTANCE_ID: 'tok-123_A' }), (0, cart_api_1.createTestApp)()]);
    });
    afterAll(() => Promise.all([withId.close(), without.close()]));
    it('returns INSTANCE_ID in /health/ready when set, and nothing when not', async () => {
        const a = await (0, supertest_1.default)(withId.app.getHttpServer()).get('/health/ready').expect(200);
        expect(a.body).toEqual({ status: 'ok', session_store: 'memory', instance: 'tok-123_A' });
        const b = await (0, supertest_1.default)(without.app.getHttpServer()).get('/health/ready').expect(200);
        expect(b.body).toEqual({ status: 'ok', session_store: 'memory' });
    });
    it('refuses an INSTANCE_ID that could smuggle anything into JSON or a log', () => {
        for (const bad of ['a b', 'x"y', 'a'.repeat(65), 'é']) {
            expect(() => (0, config_1.loadConfig)({ INSTANCE_ID: bad })).toThrow(config_1.ConfigError);
        }
    });
});
describe('listeningLine', () => {
    it('reports the port the kernel gave, not the PORT=0 asked for', () => {
        const config = (0, config_1.loadConfig)({ PORT: '0', HOST: '127.0.0.1', INSTANCE_ID: 'abc' });
        const line = (0, announce_1.listeningLine)({ address: '127.0.0.1', family: 'IPv4', port: 41234 }, config);
        expect(line.endsWith('\n')).toBe(true);
        expect(JSON.parse(line)).toEqual({ listening: { host: '127.0.0.1', port: 41234, instance: 'abc' }, time: expect.any(String) });
        expect(line.startsWith('{"listening"')).toBe(true);
    });
    it('stays silent under LOG_LEVEL=silent unless a supervisor set INSTANCE_ID', () => {
        const address = { address: '127.0.0.1', family: 'IPv4', port: 41234 };
        expect((0, announce_1.listeningLine)(address, (0, config_1.loadConfig)({ LOG_LEVEL: 'silent' }))).toBe('');
        expect(JSON.parse((0, announce_1.listeningLine)(address, (0, config_1.loadConfig)({ LOG_LEVEL: 'silent', INSTANCE_ID: 'x' }))).listening.port).toBe(41234);
    });
});
//# sourceMappingURL=health.spec.js.map