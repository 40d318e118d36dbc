"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const with_timeout_1 = require("./with-timeout");
describe('withTimeout', () => {
    it('passes a timely answer through', async () => {
        await expect((0, with_timeout_1.withTimeout)(Promise.resolve('PONG'), 50)).resolves.toBe('PONG');
    });
    it('passes a failure through', async () => {
        await expect((0, with_timeout_1.withTimeout)(Promise.reject(new Error('offline')), 50)).rejects.toThrow('offline');
    });
    it('rejects a call that never answers (a frozen Redis) once the bound passes', async () => {
        const start = Date.now();
        const never = new Promise(() => undefined);
        await expect((0, with_timeout_1.withTimeout)(never, 50, 'redis')).rejects.toBeInstanceOf(with_timeout_1.RedisTimeoutError);
        expect(Date.now() - start).toBeLessThan(1_000);
    });
});
//# sourceMappingURL=with-timeout.spec.js.map