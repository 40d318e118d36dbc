import type { ChildServer } from './child';

/** nginx in front of one server, with the lab's round-robin config. */
export class NginxFront {
  private constructor(readonly url: string) {}

  static async start(_upstream: ChildServer): Promise<NginxFront> {
    throw new Error('the nginx layer (apps/lab/src/nginx) is not available yet');
  }

  async stop(): Promise<void> {}
}
