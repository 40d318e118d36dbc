import { clientAddress, SocketCaps } from './socket-caps';

describe('SocketCaps', () => {
  it('refuses past each cap with its own message and counts the refusals per cap', () => {
    const caps = new SocketCaps({ max: 5, perSession: 2, perAddress: 3 });
    caps.hold('s1', 'a');
    caps.hold('s1', 'a');
    expect(caps.refusal('s1', 'b')).toBe('this session holds its maximum of 2 live sockets');
    expect(caps.refusal('s2', 'a')).toBeNull();
    caps.hold('s2', 'a');
    expect(caps.refusal('s3', 'a')).toBe('this address holds its maximum of 3 live sockets');
    caps.hold('s3', 'b');
    caps.hold('s4', 'c');
    expect(caps.refusal('s5', 'd')).toBe('this replica holds its maximum of 5 live sockets');
    expect(caps.refused).toEqual({ replica: 1, session: 1, address: 1 });
  });

  it('frees a slot when a socket closes, once, however often its release is called', () => {
    const caps = new SocketCaps({ max: 1, perSession: 1, perAddress: 1 });
    const release = caps.hold('s1', 'a');
    expect(caps.refusal('s1', 'a')).not.toBeNull();
    release();
    release();
    expect(caps.refusal('s1', 'a')).toBeNull();
    caps.hold('s2', 'b');
    // A second release of the first socket must not free the second one's slot.
    release();
    expect(caps.refusal('s3', 'c')).toBe('this replica holds its maximum of 1 live sockets');
  });
});

describe('clientAddress', () => {
  const loopback = (addr: string) => addr.startsWith('127.') || addr === '::1';
  it('is the TCP peer without trusted proxies, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('10.0.0.9', '1.2.3.4')).toBe('10.0.0.9');
    expect(clientAddress('10.0.0.9', '1.2.3.4', loopback)).toBe('10.0.0.9');
  });
  it('walks back through trusted hops only, as req.ip does', () => {
    expect(clientAddress('127.0.0.1', '127.0.5.1', loopback)).toBe('127.0.5.1');
    // A client-sent entry left of the balancer's is not believed: the first untrusted hop wins.
    expect(clientAddress('127.0.0.1', '6.6.6.6, 10.1.1.1', loopback)).toBe('10.1.1.1');
    expect(clientAddress('127.0.0.1', undefined, loopback)).toBe('127.0.0.1');
  });
});
