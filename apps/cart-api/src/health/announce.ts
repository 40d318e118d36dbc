import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../config/config';

/** What a supervisor reads from stdout to learn the address a PORT=0 replica got. */
export interface ListeningLine {
  listening: { host: string; port: number; instance?: string };
  /** After `listening`: supervisors match the line by its start. */
  time: string;
}

/**
 * The handshake line for the bound address, one JSON line; '' when logging is
 * silent and no supervisor (INSTANCE_ID) is waiting for it, so silent means silent.
 */
export function listeningLine(address: AddressInfo | string | null, config: AppConfig): string {
  if (config.logLevel === 'silent' && !config.instanceId) return '';
  const port = typeof address === 'object' && address ? address.port : config.port;
  const line: ListeningLine = { listening: { host: config.host, port }, time: new Date().toISOString() };
  if (config.instanceId) line.listening.instance = config.instanceId;
  return `${JSON.stringify(line)}\n`;
}
