// The gateway side: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATE, RESUME with replay, one session
// per shard, and dispatching events to the session that owns a guild.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { shardFor } from './snowflake.ts';
import type { IdentifyRecord, Json, ResumeRecord } from './types.ts';

export const GATEWAY_PATH = '/gateway';
/** Discord hands out a different host for resuming; a distinct path lets tests see that it was used. */
export const RESUME_PATH = '/gateway-resume';

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  Ack: 11,
};

interface DispatchedEvent {
  op: 0;
  s: number;
  t: string;
  d: unknown;
}

export interface GatewaySession {
  id: string;
  shard: [number, number];
  seq: number;
  /** Every dispatch, so a RESUME can replay what the client missed. */
  events: DispatchedEvent[];
  socket: WebSocket | undefined;
}

export interface GatewayHost {
  token: string;
  heartbeatIntervalMs: number;
  /** `ws://127.0.0.1:PORT` of the running server. */
  baseUrl(): string;
  readyPayload(session: GatewaySession): Json;
  /** GUILD_CREATE bodies for the guilds on this shard. */
  guildCreates(shard: [number, number]): Json[];
  protocolViolation(message: string): void;
  changed(): void;
}

export class Gateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly sessions = new Map<string, GatewaySession>();
  heartbeats = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readyHold: Promise<void> | undefined;

  constructor(private readonly host: GatewayHost) {}

  /** Takes over an HTTP upgrade on the gateway paths; returns false for any other path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== GATEWAY_PATH && url.pathname !== RESUME_PATH) return false;
    if (url.searchParams.get('v') !== '10') {
      this.host.protocolViolation(`gateway opened with v=${url.searchParams.get('v')}, expected v=10`);
    }
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') {
      this.host.protocolViolation(
        `gateway encoding ${url.searchParams.get('encoding')} is not supported here`,
      );
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url.pathname));
    return true;
  }

  private accept(ws: WebSocket, path: string): void {
    this.sockets.add(ws);
    let session: GatewaySession | undefined;
    ws.on('close', (code: number) => {
      this.sockets.delete(ws);
      if (session?.socket !== ws) return;
      session.socket = undefined;
      // A client closing with 1000/1001 ends its session for good; other codes leave it resumable.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
    ws.on('error', () => {
      // A client that vanishes mid-frame is normal during drops and teardown.
    });
    ws.on('message', (raw: RawData) => {
      let packet: { op?: number; d?: unknown };
      try {
        packet = JSON.parse(raw.toString()) as { op?: number; d?: unknown };
      } catch {
        this.host.protocolViolation('gateway frame is not JSON');
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      const d = (packet.d ?? {}) as Json;
      switch (packet.op) {
        case Op.Heartbeat:
          this.heartbeats += 1;
          send(ws, { op: Op.Ack, d: null });
          break;
        case Op.Identify:
          if (session) {
            ws.close(4005, 'Already authenticated.');
            return;
          }
          session = this.identify(ws, d);
          break;
        case Op.Resume:
          if (session) {
            ws.close(4005, 'Already authenticated.');
            return;
          }
          session = this.resume(ws, d, path);
          break;
        default:
          // Presence and voice updates are accepted and ignored; anything else is a client bug.
          if (packet.op !== 3 && packet.op !== 4 && packet.op !== 8) {
            this.host.protocolViolation(`unknown gateway opcode ${String(packet.op)}`);
            ws.close(4001, 'Unknown opcode.');
          }
      }
      this.host.changed();
    });
    send(ws, { op: Op.Hello, d: { heartbeat_interval: this.host.heartbeatIntervalMs } });
  }

  private identify(ws: WebSocket, d: Json): GatewaySession | undefined {
    if (d.token !== this.host.token) {
      ws.close(4004, 'Authentication failed.');
      return undefined;
    }
    const given = Array.isArray(d.shard) ? (d.shard as [number, number]) : undefined;
    if (given && !(given[0] >= 0 && given[0] < given[1])) {
      ws.close(4010, 'Invalid shard.');
      return undefined;
    }
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      shard: given ?? [0, 1],
      seq: 0,
      events: [],
      socket: ws,
    };
    this.sessions.set(session.id, session);
    this.identifies.push({
      shard: given,
      intents: Number(d.intents ?? 0),
      sessionId: session.id,
      time: Date.now(),
    });
    const sendReady = () => {
      const ready = this.host.readyPayload(session);
      if (given) ready.shard = given;
      this.dispatch(session, 'READY', ready);
      for (const guild of this.host.guildCreates(session.shard))
        this.dispatch(session, 'GUILD_CREATE', guild);
    };
    if (this.readyHold) void this.readyHold.then(sendReady);
    else sendReady();
    return session;
  }

  /** Until the returned function is called, IDENTIFY and RESUME are accepted but READY (and GUILD_CREATE) and RESUMED wait. */
  holdReady(): () => void {
    let release = () => {};
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.readyHold = hold;
    return () => {
      if (this.readyHold === hold) this.readyHold = undefined;
      release();
    };
  }

  private resume(ws: WebSocket, d: Json, path: string): GatewaySession | undefined {
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (d.token !== this.host.token) {
      ws.close(4004, 'Authentication failed.');
      return undefined;
    }
    const seq = Number(d.seq ?? 0);
    if (!session || seq > session.seq) {
      // Not resumable: the client must identify again.
      send(ws, { op: Op.InvalidSession, d: false });
      return undefined;
    }
    session.socket?.close(4000, 'Session resumed elsewhere.');
    session.socket = ws;
    const missed = session.events.filter((e) => e.s > seq);
    for (const event of missed) send(ws, event);
    this.resumes.push({
      sessionId: session.id,
      seq,
      shard: session.shard,
      replayed: missed.length,
      path,
      time: Date.now(),
    });
    const resumed = () => this.dispatch(session, 'RESUMED', null);
    if (this.readyHold) void this.readyHold.then(resumed);
    else resumed();
    return session;
  }

  /** Sends (or, while the session's socket is down, queues for replay) one dispatch event. */
  dispatch(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const event: DispatchedEvent = { op: 0, s: session.seq, t, d };
    session.events.push(event);
    if (session.socket) send(session.socket, event);
  }

  /** The newest session for a shard; sessions replaced by a fresh IDENTIFY are ignored. */
  sessionForShard(shardId: number): GatewaySession | undefined {
    let found: GatewaySession | undefined;
    for (const session of this.sessions.values()) if (session.shard[0] === shardId) found = session;
    return found;
  }

  /** The shard that owns a guild, per the shard count the connected clients identified with. */
  shardForGuild(guildId: string | null): number {
    const newest = [...this.sessions.values()].at(-1);
    if (!guildId || !newest) return 0;
    return shardFor(guildId, newest.shard[1]);
  }

  /** Closes every client socket; 4000 (unknown error) is resumable, so discord.js reconnects and resumes. */
  drop(options: { code?: number; terminate?: boolean } = {}): void {
    for (const ws of this.sockets) {
      if (options.terminate) ws.terminate();
      else ws.close(options.code ?? 4000, 'Simulated disconnect');
    }
  }

  /** Asks clients to reconnect and resume (opcode 7), as Discord does before moving a session. */
  requestReconnect(): void {
    for (const ws of this.sockets) send(ws, { op: Op.Reconnect, d: null });
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    this.wss.close();
  }
}

function send(ws: WebSocket, packet: unknown): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(packet));
}
