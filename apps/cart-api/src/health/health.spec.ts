import request from 'supertest';
import { createTestApp, TestApp } from '../../../../test/support/cart-api';
import { ConfigError, loadConfig } from '../config/config';
import { listeningLine } from './announce';

describe('readiness names the instance a supervisor gave it', () => {
  let withId: TestApp;
  let without: TestApp;
  beforeAll(async () => {
    [withId, without] = await Promise.all([createTestApp({ INSTANCE_ID: 'tok-123_A' }), createTestApp()]);
  });
  afterAll(() => Promise.all([withId.close(), without.close()]));

  it('returns INSTANCE_ID in /health/ready when set, and nothing when not', async () => {
    const a = await request(withId.app.getHttpServer()).get('/health/ready').expect(200);
    expect(a.body).toEqual({ status: 'ok', session_store: 'memory', instance: 'tok-123_A' });
    const b = await request(without.app.getHttpServer()).get('/health/ready').expect(200);
    expect(b.body).toEqual({ status: 'ok', session_store: 'memory' });
  });

  it('refuses an INSTANCE_ID that could smuggle anything into JSON or a log', () => {
    for (const bad of ['a b', 'x"y', 'a'.repeat(65), 'é']) {
      expect(() => loadConfig({ INSTANCE_ID: bad })).toThrow(ConfigError);
    }
  });
});

describe('listeningLine', () => {
  it('reports the port the kernel gave, not the PORT=0 asked for', () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', INSTANCE_ID: 'abc' });
    const line = listeningLine({ address: '127.0.0.1', family: 'IPv4', port: 41234 }, config);
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({ listening: { host: '127.0.0.1', port: 41234, instance: 'abc' }, time: expect.any(String) });
    expect(line.startsWith('{"listening"')).toBe(true);
  });

  it('stays silent under LOG_LEVEL=silent unless a supervisor set INSTANCE_ID', () => {
    const address = { address: '127.0.0.1', family: 'IPv4', port: 41234 };
    expect(listeningLine(address, loadConfig({ LOG_LEVEL: 'silent' }))).toBe('');
    expect(JSON.parse(listeningLine(address, loadConfig({ LOG_LEVEL: 'silent', INSTANCE_ID: 'x' }))).listening.port).toBe(41234);
  });
});
