import { RedisTimeoutError, withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes a timely answer through', async () => {
    await expect(withTimeout(Promise.resolve('PONG'), 50)).resolves.toBe('PONG');
  });

  it('passes a failure through', async () => {
    await expect(withTimeout(Promise.reject(new Error('offline')), 50)).rejects.toThrow('offline');
  });

  it('rejects a call that never answers (a frozen Redis) once the bound passes', async () => {
    const start = Date.now();
    const never = new Promise<string>(() => undefined);
    await expect(withTimeout(never, 50, 'redis')).rejects.toBeInstanceOf(RedisTimeoutError);
    expect(Date.now() - start).toBeLessThan(1_000);
  });
});
