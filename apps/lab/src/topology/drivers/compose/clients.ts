// The lab clients' own addresses under Compose (the network itself:
// client-net.ts): while the network exists, lab clients of the balancer's
// published URL are routed to its address on that network, and a replica
// counts as routed once a probe from those addresses reaches it.
import { registerClientNetwork } from '../../../util/client-network';
import { waitFor } from '../../../util/wait';
import { servedBy } from '../../routing';
import * as net from './client-net';
import * as c from './commands';

export class ComposeClients {
  /** The lab clients' own network, when this machine allows it (root, iproute2). */
  private clientNet?: net.ClientNet;
  private readonly givenAddresses = new Set<string>();
  private unregisterClients?: () => void;

  /** Creates the network where the machine allows it; the balancer joins it through the override. */
  async create(project: string): Promise<boolean> {
    if (net.clientNetUnavailableReason()) return false;
    this.clientNet = await net.createClientNet(project);
    return true;
  }

  /** What the override attaches the balancer with, once the network exists. */
  attachment(service: string): { service: string; network: string; address: string } | undefined {
    return this.clientNet && { service, network: this.clientNet.name, address: this.clientNet.balancer };
  }

  /** The host gets every lab address on the clients' bridge; lab clients of `url` are routed there. */
  async giveAddresses(url: string): Promise<void> {
    const n = this.clientNet;
    if (!n) return;
    const addresses = net.labAddresses();
    await net.addHostAddresses(n, addresses);
    addresses.forEach((a) => this.givenAddresses.add(a));
    this.unregisterClients = registerClientNetwork(url, {
      url: `http://${n.balancer}:${c.BALANCER_PORT}`,
      sourceFor: (a) => net.sourceFor(n, this.givenAddresses, a),
    });
  }

  /** Whether clients have their own addresses (else every probe through the published port is one user). */
  get routed(): boolean {
    return Boolean(this.clientNet && this.unregisterClients);
  }

  /** Resolves when a probe from the clients' own addresses reaches `name`. */
  async waitRouted(name: string, balancer: string): Promise<void> {
    const n = this.clientNet!;
    let i = 0;
    await waitFor(`${balancer} to route a request to ${name}`, async () => {
      const batch = Array.from({ length: 8 }, () => {
        const k = i++;
        return servedBy(`http://${n.balancer}:${c.BALANCER_PORT}/?lab-route-probe=${k}`, net.sourceFor(n, this.givenAddresses, net.probeLabAddress(k)));
      });
      return (await Promise.all(batch)).includes(name);
    }, { timeoutMs: 15_000, intervalMs: 50 });
  }

  /** Stops routing lab clients to the network (before the project goes down). */
  unregister(): void {
    this.unregisterClients?.();
  }

  /** Its bridge, and the host's addresses on it, go with it. */
  async remove(): Promise<void> {
    if (this.clientNet) await net.removeClientNet(this.clientNet);
  }

  removeSync(): void {
    if (this.clientNet) net.removeClientNetSync(this.clientNet);
  }
}
