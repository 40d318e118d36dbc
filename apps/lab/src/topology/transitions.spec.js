"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const transitions_1 = require("./transitions");
describe('the one transition table', () => {
    it('allows per replica state exactly what the API accepts', () => {
        expect((0, transitions_1.allowedActions)({ name: 'app1', state: 'running', drained: false })).toEqual(['stop', 'kill', 'pause', 'drain']);
        expect((0, transitions_1.allowedActions)({ name: 'app1', state: 'paused', drained: true })).toEqual(['stop', 'kill', 'resume', 'undrain']);
        expect((0, transitions_1.allowedActions)({ name: 'app1', state: 'killed', drained: false })).toEqual(['start', 'drain']);
        expect((0, transitions_1.allowedActions)({ name: 'app1', state: 'starting', drained: false })).toEqual(['stop', 'kill', 'drain']);
    });
    it('words a refusal with the way out', () => {
        expect((0, transitions_1.replicaActionRefusal)('kill', { name: 'app2', state: 'killed', drained: false })).toBe('app2 is already killed');
        expect((0, transitions_1.replicaActionRefusal)('resume', { name: 'app2', state: 'stopped', drained: false })).toBe('cannot resume app2: it is stopped (start it first)');
        expect((0, transitions_1.replicaActionRefusal)('undrain', { name: 'app2', state: 'running', drained: false })).toMatch(/not drained/);
    });
    it('allows Redis actions by its state', () => {
        expect((0, transitions_1.allowedRedisActions)('running')).toEqual(['pause', 'restart']);
        expect((0, transitions_1.allowedRedisActions)('paused')).toEqual(['resume', 'restart']);
        expect((0, transitions_1.allowedRedisActions)('stopped')).toEqual(['restart']);
        expect((0, transitions_1.redisActionRefusal)('resume', 'running')).toBe('cannot resume redis: it is running');
    });
});
//# sourceMappingURL=transitions.spec.js.map