import { createServer, type Server } from 'node:net';
import { redisCommand } from './redis-server';

/** A TCP server on a free loopback port that answers each connection with `onData`. */
async function serve(onData: (sock: import('node:net').Socket, line: string) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((sock) => sock.on('data', (d) => onData(sock, d.toString())));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as import('node:net').AddressInfo).port };
}

describe('redisCommand', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it('answers "" when the server closes the connection without a reply (Sentinel\'s CLIENT KILL), instead of hanging', async () => {
    const s = await serve((sock) => sock.end());
    server = s.server;
    // 60 s idle timeout: only the close can end this within the test's time.
    await expect(redisCommand(s.port, 'INFO replication', '127.0.0.1', 60_000, /\r\n\r\n$/)).resolves.toBe('');
  });

  it('keeps a complete reply that the server closed after', async () => {
    const s = await serve((sock) => sock.end('+PONG\r\n'));
    server = s.server;
    await expect(redisCommand(s.port, 'PING', '127.0.0.1', 60_000)).resolves.toBe('+PONG\r\n');
  });
});
