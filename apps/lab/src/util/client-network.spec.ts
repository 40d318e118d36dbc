import { clientRoute, registerClientNetwork } from './client-network';

describe('client network routing', () => {
  const net = { url: 'http://10.77.255.254:80', sourceFor: (a: string) => a.replace(/^127\.0\./, '10.77.') };

  it('leaves clients alone when no driver registered a network for their URL', () => {
    expect(clientRoute('http://127.0.0.1:5000', '127.0.3.1')).toEqual({ baseUrl: 'http://127.0.0.1:5000', sourceAddress: '127.0.3.1' });
  });

  it('sends a client with a lab address to the balancer on that network, from the host address standing for it', () => {
    const undo = registerClientNetwork('http://127.0.0.1:5001/', net);
    try {
      expect(clientRoute('http://127.0.0.1:5001', '127.0.3.1')).toEqual({ baseUrl: 'http://10.77.255.254:80', sourceAddress: '10.77.3.1' });
      // No distinct source: the published port, as before.
      expect(clientRoute('http://127.0.0.1:5001', undefined)).toEqual({ baseUrl: 'http://127.0.0.1:5001', sourceAddress: undefined });
      expect(clientRoute('http://127.0.0.1:5001', '127.0.0.1').baseUrl).toBe('http://127.0.0.1:5001');
    } finally {
      undo();
    }
    expect(clientRoute('http://127.0.0.1:5001', '127.0.3.1').sourceAddress).toBe('127.0.3.1');
  });

  it('passes on the refusal of an address the network does not have', () => {
    const undo = registerClientNetwork('http://127.0.0.1:5002', { ...net, sourceFor: () => { throw new Error('no address for 127.0.9.9'); } });
    try {
      expect(() => clientRoute('http://127.0.0.1:5002', '127.0.9.9')).toThrow('no address for 127.0.9.9');
    } finally {
      undo();
    }
  });
});
