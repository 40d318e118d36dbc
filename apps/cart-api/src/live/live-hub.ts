import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server, Socket } from 'socket.io';
import type { CartBody } from '../../../../libs/cart';
import { logError } from '../common/log';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { Redis } from '../session/redis-client';
import { SESSION_BACKEND, SessionBackend } from '../session/session-backend';
import { SESSION_COOKIE } from '../session/session.middleware';
import { roomOf, sidFromCookie } from './live-auth';
import { LIVE_CONFIG, LIVE_MAX_MESSAGE_BYTES, LiveConfig } from './live.config';
import { MessageGuard } from './message-guard';
import { clientAddress, SocketCaps } from './socket-caps';
import { sessionExists } from './session-exists';

/** Below nginx's proxy_read_timeout (5 s in the lab): a ping is what keeps an idle socket (and a held poll) alive through it. */
export const LIVE_PING_INTERVAL_MS = 2_000;
export const LIVE_PING_TIMEOUT_MS = 3_000;
/** A connection that has not joined (e.g. refused by the session check) is closed after this. */
export const LIVE_CONNECT_TIMEOUT_MS = 5_000;
/** Socket.IO's path on the app's server (its engine answers everything under it). */
const SOCKET_PATH = '/socket.io/';

/** What a socket is told when it joins: who holds it, so a page can see its socket move. */
export interface LiveHello {
  served_by: string;
  transport: string;
}

/**
 * Socket.IO on the app's own HTTP server (`/socket.io/`). A socket must
 * present the same signed `sid` cookie as the REST API and its session must
 * exist; it joins its session's room and receives `cart` after every cart
 * write. Without the Redis adapter an emit reaches only this replica's sockets.
 */
@Injectable()
export class LiveHub implements BeforeApplicationShutdown {
  private io: Server | null = null;
  private ready = false;
  private attached: Promise<void> = Promise.resolve();
  private closeAdapter: () => Promise<void> = async () => undefined;
  private readonly caps: SocketCaps;
  private trust?: (addr: string, i: number) => boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LIVE_CONFIG) private readonly live: LiveConfig,
    @Inject(SESSION_BACKEND) private readonly backend: SessionBackend,
  ) {
    this.caps = new SocketCaps({ max: live.maxSockets, perSession: live.maxPerSession, perAddress: live.maxPerAddress });
  }

  /**
   * Attaches to `server`. The promise resolves when sockets are accepted
   * (at once without an adapter; with Redis once its subscriber connected,
   * which boot does not wait for). It never rejects: a failure is logged.
   * `trust` is Express' compiled `trust proxy fn`: the per-address cap then
   * counts the client behind the balancer, not the balancer.
   *
   * Without an adapter Socket.IO is loaded on the first request for it
   * (`/socket.io/…` or any upgrade; see deferUntilAsked): it is a sixth of
   * the modules a replica compiles at boot, and a replica nobody opens a
   * socket to has no socket to publish to. With the Redis adapter it is
   * loaded at once: a write here must reach the sockets of other replicas.
   */
  attach(server: HttpServer, trust?: (addr: string, i: number) => boolean): Promise<void> {
    this.trust = trust;
    if (this.live.adapter === 'redis' && this.backend.redis?.client) {
      this.io = this.createServer(server);
      this.attached = this.connectAdapter(this.io, this.backend.redis.client);
    } else {
      this.ready = true;
      this.deferUntilAsked(server);
    }
    return this.attached;
  }

  /**
   * Stands in for Socket.IO until a request needs it: takes the server's
   * request listeners (Express), passes on every request not under
   * /socket.io/, and on the first one that is (or the first upgrade) puts
   * them back, creates Socket.IO, which wraps them as it always does, and
   * hands that request to it.
   */
  private deferUntilAsked(server: HttpServer): void {
    const app = server.listeners('request') as ((req: IncomingMessage, res: unknown) => void)[];
    const load = () => {
      server.removeListener('request', onRequest);
      server.removeListener('upgrade', onUpgrade);
      for (const l of app) server.on('request', l);
      this.io = this.createServer(server);
    };
    const onRequest = (req: IncomingMessage, res: unknown) => {
      if (!req.url?.startsWith(SOCKET_PATH)) {
        for (const l of app) l.call(server, req, res);
        return;
      }
      load();
      server.emit('request', req, res);
    };
    const onUpgrade = (req: IncomingMessage, socket: unknown, head: unknown) => {
      load();
      server.emit('upgrade', req, socket, head);
    };
    server.removeAllListeners('request');
    server.on('request', onRequest);
    server.on('upgrade', onUpgrade);
  }

  private createServer(server: HttpServer): Server {
    const { Server: SocketServer } = require('socket.io') as typeof import('socket.io');
    const io = new SocketServer(server, {
      path: SOCKET_PATH,
      serveClient: true,
      cookie: false,
      maxHttpBufferSize: LIVE_MAX_MESSAGE_BYTES,
      pingInterval: LIVE_PING_INTERVAL_MS,
      pingTimeout: LIVE_PING_TIMEOUT_MS,
      connectTimeout: LIVE_CONNECT_TIMEOUT_MS,
      allowRequest: (req, cb) => {
        const why = this.refusal(req);
        cb(why, why === null);
      },
    });
    // Socket.IO answers before Express: its responses need the replica's name
    // too, or the portable sticky-cookie config cannot re-pin a socket whose
    // replica died (the route cookie comes from X-Served-By).
    io.engine.on('headers', (headers: Record<string, string>) => {
      headers['X-Served-By'] = this.config.appName;
    });
    // Every engine connection (joined or still handshaking) is counted until it closes.
    io.engine.on('connection', (raw: { request: IncomingMessage; once(event: 'close', fn: () => void): void }) => {
      raw.once('close', this.caps.hold(this.sidOf(raw.request) ?? '', this.addressOf(raw.request)));
    });
    io.use((socket, next) => void this.authenticate(socket).then(() => next(), (err: Error) => next(err)));
    io.on('connection', (socket) => this.welcome(socket));
    return io;
  }

  /** Resolves when sockets are accepted (see attach). */
  whenReady(): Promise<void> {
    return this.attached;
  }

  /** Sockets joined on this replica (authenticated ones only). */
  sockets(): number {
    return this.io?.of('/').sockets.size ?? 0;
  }

  /** The caps and what they refused, for /stats. */
  capStats(): { caps: SocketCaps['limits']; refused: SocketCaps['refused'] } {
    return { caps: this.caps.limits, refused: { ...this.caps.refused } };
  }

  /** Sends `cart` to every socket of session `sid` (on every replica with the Redis adapter). */
  publish(sid: string, cart: CartBody): void {
    this.io?.to(roomOf(sid)).emit('cart', cart);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const io = this.io;
    this.io = null;
    if (!io) return;
    // Sockets end now with a close frame, so clients reconnect elsewhere at once.
    io.local.disconnectSockets(true);
    io.engine.close();
    await this.closeAdapter();
  }

  private async connectAdapter(io: Server, redis: Redis): Promise<void> {
    // Loaded with the redis store only, as the store's own modules are.
    const { useRedisAdapter } = require('./redis-adapter') as typeof import('./redis-adapter');
    try {
      this.closeAdapter = await useRedisAdapter(io, redis, (err) => this.logErr(`live adapter: ${err.message}`));
      this.ready = true;
    } catch (err) {
      this.logErr(`live adapter did not start: ${(err as Error).message}`);
    }
  }

  /** Why an engine handshake is refused (a 403 with this message), or null. Cheap checks only: no store access. */
  private refusal(req: IncomingMessage): string | null {
    if (!this.ready) return 'live updates are starting; retry';
    const sid = this.sidOf(req);
    if (!sid) return 'a live subscription needs a valid session cookie (sid)';
    return this.caps.refusal(sid, this.addressOf(req));
  }

  private sidOf(req: IncomingMessage): string | null {
    return sidFromCookie(req.headers.cookie, SESSION_COOKIE, this.config.sessionSecrets);
  }

  private addressOf(req: IncomingMessage): string {
    return clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], this.trust);
  }

  private async authenticate(socket: Socket): Promise<void> {
    const sid = sidFromCookie(socket.request.headers.cookie, SESSION_COOKIE, this.config.sessionSecrets);
    if (!sid) throw new Error('unauthorized: no validly signed session cookie');
    let exists: boolean;
    try {
      exists = await sessionExists(this.backend, sid);
    } catch (err) {
      throw new Error(`session store unavailable: ${(err as Error).message}`);
    }
    if (!exists) throw new Error('unauthorized: the session does not exist (expired, lost, or never stored)');
    socket.data.room = roomOf(sid);
  }

  private welcome(socket: Socket): void {
    void socket.join(socket.data.room as string);
    const hello: LiveHello = { served_by: this.config.appName, transport: socket.conn.transport.name };
    socket.emit('hello', hello);
    const guard = new MessageGuard();
    // Packets already received keep arriving after the disconnect: one line
    // per socket and reason, not one per packet of a flood.
    const logged = new Set<string>();
    socket.use(([event], next) => {
      const why = guard.check(event);
      if (why === null) return next();
      const reason = why.replace(/".*"/, '"…"');
      if (!logged.has(reason)) {
        logged.add(reason);
        this.logErr(`live socket dropped: ${why}`);
      }
      socket.disconnect(true);
    });
    socket.on('whoami', (ack: unknown) => typeof ack === 'function' && (ack as (h: LiveHello) => void)(hello));
  }

  private logErr(msg: string): void {
    if (this.config.logLevel !== 'silent') logError({ replica: this.config.appName, msg });
  }
}
