import { ControlServer } from '../control/server';
import { ControlClient, ControlRefused } from './control-client';

// What the CLI prints for a refusal is the server's sentence, not its code.
describe('ControlClient', () => {
  it('turns an error answer into ControlRefused carrying the message, the status and the body', async () => {
    // Not attached to a topology: every /api/ request is a 503 refusal.
    const control = await ControlServer.listen({ port: 0 });
    try {
      const refused = await new ControlClient(control.url).get('/api/status').catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(ControlRefused);
      const r = refused as ControlRefused;
      expect([r.message, r.status, r.body]).toEqual([
        'the lab is still starting; try again in a moment',
        503,
        { statusCode: 503, error: 'service_unavailable', message: 'the lab is still starting; try again in a moment' },
      ]);
    } finally {
      await control.close();
    }
  });
});
