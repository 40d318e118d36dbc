// What each live-socket scenario is, in words. Pure data, as ../catalog.ts
// is, so the catalog can take it without loading any scenario code.
import type { ScenarioInfo } from '../catalog';

export const LIVE_CATALOG: readonly ScenarioInfo[] = [
  {
    id: 'live-transports',
    title: 'Live sockets: transports through the balancer',
    fault: 'none: 30 shoppers subscribe to their cart over Socket.IO, polling only, then WebSocket only',
    read: 'Long-polling is many HTTP requests that must reach one replica: round robin breaks its handshake ("Session ID unknown"), affinity does not. A WebSocket is one connection and works on any strategy.',
  },
  {
    id: 'live-replica-killed',
    title: 'Live sockets: their replica killed',
    fault: 'SIGKILL the replica holding the most sockets while the carts change',
    read: 'Every socket it held drops; clients reconnect within about a second to another replica. Pushes sent during the gap are missed (no connection state recovery), so the page re-reads its cart on reconnect. With the memory store the session died too and the socket is refused.',
  },
  {
    id: 'live-cross-replica',
    title: 'Live sockets: a write on another replica',
    fault: 'none: the cart changes on one replica while its socket lives on another',
    read: 'Without a cross-replica adapter the push never leaves the replica that handled the write; with the Redis adapter every push arrives, a few milliseconds later.',
  },
];
