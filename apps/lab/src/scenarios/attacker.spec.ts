import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { holdConnections } from './attacker';

// What the held-connection tally calls "let go", against servers that behave
// as the balancers do: answer and close (nginx, HAProxy 2.6), or answer and
// keep reading the rest of the request (HAProxy 3.x drains a half body).
describe('holdConnections', () => {
  let server: Server;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await new Promise((r) => server.close(r));
  });

  async function serve(onRequest: (s: Socket) => void): Promise<string> {
    server = createServer((s) => {
      sockets.push(s);
      s.once('data', () => onRequest(s));
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const hold = (baseUrl: string) => holdConnections({ baseUrl, sourceAddress: '127.0.0.1', count: 3, preamble: 'POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\n{', holdMs: 60_000 });
  const REPLY = 'HTTP/1.1 408 Request Time-out\r\ncontent-length: 0\r\n\r\n';

  // The hold is 60 s; the test's own 20 s timeout fails it if the hold did not end once every connection was let go.
  it('counts an answer that leaves the connection open (draining) as let go, not closed, and stops holding', async () => {
    const url = await serve((s) => s.write(REPLY));
    const tally = await hold(url);
    expect(tally).toMatchObject({ connected: 3, letGo: 3, closedByServer: 0, answered: { '408': 3 } });
  }, 20_000);

  it('counts an answer and its close as both', async () => {
    const url = await serve((s) => s.end(REPLY));
    expect(await hold(url)).toMatchObject({ connected: 3, letGo: 3, closedByServer: 3, answered: { '408': 3 } });
  }, 20_000);

  it('lets nothing go that the server keeps waiting on: the hold ends at holdMs with the tally empty', async () => {
    const url = await serve(() => undefined);
    const tally = await holdConnections({ baseUrl: url, sourceAddress: '127.0.0.1', count: 2, preamble: 'GET / HTTP/1.1\r\nX-Slow: ', holdMs: 300 });
    expect(tally).toMatchObject({ connected: 2, letGo: 0, closedByServer: 0, answered: {} });
  });
});
