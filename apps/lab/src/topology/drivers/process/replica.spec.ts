import { handshakePort } from './replica';

describe('handshakePort', () => {
  const line = (o: unknown) => JSON.stringify(o);
  it('takes the port only from a listening line carrying this start\'s token', () => {
    expect(handshakePort(line({ listening: { host: '127.0.0.1', port: 41234, instance: 'tok' } }), 'tok')).toBe(41234);
    expect(handshakePort(line({ listening: { host: '127.0.0.1', port: 41234, instance: 'other' } }), 'tok')).toBeUndefined();
    expect(handshakePort(line({ listening: { host: '127.0.0.1', port: 41234 } }), 'tok')).toBeUndefined();
  });

  it('ignores log lines, broken JSON and impossible ports', () => {
    expect(handshakePort(line({ replica: 'app1', msg: 'listening on 127.0.0.1:0' }), 'tok')).toBeUndefined();
    expect(handshakePort('{"listening":{"port":', 'tok')).toBeUndefined();
    for (const port of [0, 70000, 1.5, '8080', null]) {
      expect(handshakePort(line({ listening: { port, instance: 'tok' } }), 'tok')).toBeUndefined();
    }
  });
});
