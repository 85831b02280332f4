// Shared shapes of the simulator: its options, the world it serves and what it records for assertions.

/** A JSON object as it travels over the wire. */
export type Json = Record<string, unknown>;

export interface SimChannelConfig {
  id?: string;
  name: string;
  /** Channel type; 0 (text) when left out. */
  type?: number;
}

export interface SimGuildConfig {
  id?: string;
  name: string;
  channels?: SimChannelConfig[];
  memberCount?: number;
}

export interface SimulatorOptions {
  /** Bot token the REST API and gateway accept; anything else is a 401 / close 4004. */
  token?: string;
  applicationId?: string;
  botUsername?: string;
  /** Guilds with their text channels; one guild with #general when left out. */
  guilds?: SimGuildConfig[];
  /** Shard count reported by `GET /gateway/bot`. */
  shards?: number;
  /** HELLO's heartbeat interval; large by default so heartbeats never interfere with a test. */
  heartbeatIntervalMs?: number;
  /** Time after dispatch within which the first callback must arrive (Discord: 3 s). */
  interactionDeadlineMs?: number;
  /** Answer bodies that break the spec or a limit with 400 / 50035, as Discord would. */
  rejectInvalidBodies?: boolean;
  /** Default time `interact()` waits for a complete response. */
  responseTimeoutMs?: number;
  /**
   * Whether finished interactions and every REST request are kept for inspection (default true). A benchmark
   * sends thousands: kept, they would grow the heap of the process that measures, and its own collections would
   * be counted as the bot's latency. Off, `requests` and `interactions` stay empty and an interaction is
   * forgotten once `interact()` settles.
   */
  keepRecords?: boolean;
}

export interface SimChannel {
  id: string;
  name: string;
  type: number;
  guildId: string;
  position: number;
}

export interface SimGuild {
  id: string;
  name: string;
  channels: SimChannel[];
  memberCount: number;
}

export interface SimUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

export interface SimFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** One REST request as the bot sent it. */
export interface SimRequest {
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/webhooks/1/abc/messages/@original`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  files: SimFile[];
  authorization: string | undefined;
  time: number;
  /** Route template that handled it, e.g. `POST /interactions/{id}/{token}/callback`; undefined when unknown. */
  route: string | undefined;
  status: number;
}

/** A request body that Discord would have refused, or a protocol rule the client broke. */
export interface Violation {
  route: string;
  message: string;
  source: 'openapi' | 'limits' | 'protocol';
  time: number;
}

export interface IdentifyRecord {
  shard: [number, number] | undefined;
  intents: number;
  sessionId: string;
  time: number;
}

export interface ResumeRecord {
  sessionId: string;
  /** Sequence number the client said it had seen. */
  seq: number;
  shard: [number, number];
  /** Events replayed before RESUMED. */
  replayed: number;
  /** Path the client reconnected to; the resume URL is distinct from the initial one. */
  path: string;
  time: number;
}
