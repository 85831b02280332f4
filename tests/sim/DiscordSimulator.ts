// A local stand-in for Discord: REST and gateway on one 127.0.0.1 port, so end-to-end tests can run the
// real discord.js client (or the bot process) against it and assert on what it sent.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiRoutes } from './apiRoutes.ts';
import type { InteractionSpec } from './builders.ts';
import { channelRoutes } from './channelRoutes.ts';
import { CommandStore } from './commandStore.ts';
import { GATEWAY_PATH, Gateway, type GatewaySession, RESUME_PATH } from './gateway.ts';
import { discordError, type Reply } from './http.ts';
import { completeInteraction } from './interactionPayload.ts';
import { interactionRoutes } from './interactionRoutes.ts';
import { guildCreate, userObject } from './payloads.ts';
import { createRestHandler, type Route } from './rest.ts';
import { shardFor, snowflake } from './snowflake.ts';
import { type InteractionResult, type ResponseOptions, TrackedInteraction } from './TrackedInteraction.ts';
import type {
  IdentifyRecord,
  Json,
  ResumeRecord,
  SimGuild,
  SimRequest,
  SimUser,
  SimulatorOptions,
  Violation,
} from './types.ts';
import { type BodyContext, type BodyKind, validateBody } from './validateBody.ts';

const CALLBACK_ROUTE = '/interactions/{id}/{token}/callback';
const CALLBACK_PATH = /^\/interactions\/[^/]+\/[^/]+\/callback$/;

export type RequestMatcher = string | RegExp | ((request: SimRequest) => boolean);

interface PendingFault {
  matches(request: SimRequest, route: Route): boolean;
  reply(): Reply;
  remaining: number;
}

export interface DispatchOptions {
  /** Send to this shard instead of the one that owns the guild. */
  shardId?: number;
}

/** A path substring, a RegExp on the path, or a predicate; undefined matches every request. */
function matcher(match: RequestMatcher | undefined): (request: SimRequest) => boolean {
  if (match === undefined) return () => true;
  if (typeof match === 'string') return (r) => r.path.includes(match);
  if (match instanceof RegExp) return (r) => match.test(r.path);
  return match;
}

export class DiscordSimulator {
  readonly token: string;
  readonly applicationId: string;
  readonly bot: SimUser;
  readonly guilds: SimGuild[];
  readonly shards: number;
  /** The user who triggers interactions unless a test names another. */
  readonly defaultUser: SimUser;
  readonly commands: CommandStore;

  /** Every REST request, in arrival order. */
  readonly requests: SimRequest[] = [];
  /** Requests no route knows; each got a 404. */
  readonly unexpectedRequests: SimRequest[] = [];
  /** Bodies Discord would refuse and protocol mistakes. */
  readonly violations: Violation[] = [];
  readonly interactions: TrackedInteraction[] = [];
  /** Messages posted in channels (not interaction replies), in order. */
  readonly channelMessages: Json[] = [];

  private readonly options: Required<
    Pick<
      SimulatorOptions,
      | 'heartbeatIntervalMs'
      | 'interactionDeadlineMs'
      | 'keepRecords'
      | 'rejectInvalidBodies'
      | 'responseTimeoutMs'
    >
  >;
  private readonly byId = new Map<string, TrackedInteraction>();
  private readonly byToken = new Map<string, TrackedInteraction>();
  private readonly faults: PendingFault[] = [];
  private readonly holds: { arrive: () => void; gate: Promise<void> }[] = [];
  private readonly requestHolds: {
    matches: (request: SimRequest) => boolean;
    stage: 'before' | 'after';
    arrive: () => void;
    /** `drop`: the request is lost on the way (its connection is cut, the route never acts). */
    gate: Promise<'release' | 'drop'>;
  }[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly gateway: Gateway;
  private server: Server | undefined;
  private port = 0;

  constructor(options: SimulatorOptions = {}) {
    this.token = options.token ?? 'simulated-bot-token';
    this.applicationId = options.applicationId ?? snowflake();
    this.bot = { id: this.applicationId, username: options.botUsername ?? 'Dossier', bot: true };
    this.shards = options.shards ?? 1;
    this.defaultUser = { id: snowflake(), username: 'tester', global_name: 'Tester' };
    this.options = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000,
      interactionDeadlineMs: options.interactionDeadlineMs ?? 3_000,
      rejectInvalidBodies: options.rejectInvalidBodies ?? true,
      responseTimeoutMs: options.responseTimeoutMs ?? 5_000,
      keepRecords: options.keepRecords ?? true,
    };
    const configs = options.guilds ?? [{ name: 'Simulated Guild', channels: [{ name: 'general' }] }];
    this.guilds = configs.map((g) => {
      const id = g.id ?? snowflake();
      return {
        id,
        name: g.name,
        memberCount: g.memberCount ?? 2,
        channels: (g.channels ?? [{ name: 'general' }]).map((c, position) => ({
          id: c.id ?? snowflake(),
          name: c.name,
          type: c.type ?? 0,
          guildId: id,
          position,
        })),
      };
    });
    this.commands = new CommandStore(this.applicationId);
    this.gateway = new Gateway({
      token: this.token,
      heartbeatIntervalMs: this.options.heartbeatIntervalMs,
      baseUrl: () => this.baseWsUrl,
      readyPayload: (session) => this.readyPayload(session),
      guildCreates: (shard) =>
        this.guildsOnShard(shard).map((g) => guildCreate(g, this.bot, this.defaultUser.id)),
      protocolViolation: (message) => this.addViolation('gateway', 'protocol', message),
      changed: () => this.changed(),
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Lifecycle

  async start(): Promise<this> {
    const routes = [
      ...apiRoutes({
        applicationId: this.applicationId,
        bot: this.bot,
        shards: this.shards,
        guilds: this.guilds,
        gatewayUrl: () => this.gatewayUrl,
        commands: this.commands,
      }),
      ...channelRoutes({
        bot: this.bot,
        applicationId: this.applicationId,
        guilds: this.guilds,
        channelMessages: this.channelMessages,
      }),
      ...interactionRoutes({
        applicationId: this.applicationId,
        bot: this.bot,
        deadlineMs: this.options.interactionDeadlineMs,
        byId: (id) => this.byId.get(id),
        byToken: (token) => this.byToken.get(token),
      }),
    ];
    const handler = createRestHandler(
      {
        token: this.token,
        rejectInvalidBodies: this.options.rejectInvalidBodies,
        record: (request) => {
          if (this.options.keepRecords) this.requests.push(request);
        },
        unexpected: (request) => this.unexpectedRequests.push(request),
        check: (route, kind, body, context) => this.check(route, kind, body, context),
        violation: (route, source, message) => this.addViolation(route, source, message),
        takeFault: (request, route, params) => this.takeFault(request, route, params),
        hold: (request) => this.takeHold(request),
        holdReply: (request) => this.takeRequestHold(request, 'after'),
        changed: () => this.changed(),
      },
      routes,
    );
    const server = createServer((req, res) => {
      handler(req, res).catch((error: unknown) => {
        this.addViolation(`${req.method} ${req.url}`, 'protocol', `simulator failed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if (!this.gateway.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.gateway.close();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Base URL for discord.js (`rest: { api }`) or the bot (`DISCORD_API_URL`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `${this.baseWsUrl}${GATEWAY_PATH}`;
  }

  private get baseWsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  // -------------------------------------------------------------------------------------------------------
  // Gateway

  get identifies(): readonly IdentifyRecord[] {
    return this.gateway.identifies;
  }

  get resumes(): readonly ResumeRecord[] {
    return this.gateway.resumes;
  }

  get heartbeats(): number {
    return this.gateway.heartbeats;
  }

  get connectionCount(): number {
    return this.gateway.connectionCount;
  }

  /** Closes every gateway socket (4000 by default, resumable); discord.js reconnects and sends RESUME. */
  dropGatewayConnections(options: { code?: number; terminate?: boolean } = {}): void {
    this.gateway.drop(options);
  }

  /** Sends opcode 7 (Reconnect) to every connection. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  /**
   * Until the returned function is called, IDENTIFY and RESUME are accepted but READY (and the guilds) and
   * RESUMED are not sent: the client stays logged out or reconnecting, as when Discord is slow to let it in.
   */
  holdReady(): () => void {
    return this.gateway.holdReady();
  }

  /** Dispatches any gateway event to the shard owning `guildId` (or an explicit shard). */
  dispatchEvent(t: string, d: unknown, options: DispatchOptions & { guildId?: string | null } = {}): void {
    const shardId = options.shardId ?? this.gateway.shardForGuild(options.guildId ?? null);
    this.gateway.dispatch(this.sessionFor(shardId), t, d);
  }

  private sessionFor(shardId: number): GatewaySession {
    const session = this.gateway.sessionForShard(shardId);
    if (!session) {
      throw new Error(
        `no gateway session for shard ${shardId}: log a client in (and await ClientReady) first`,
      );
    }
    return session;
  }

  private guildsOnShard(shard: [number, number]): SimGuild[] {
    return this.guilds.filter((g) => shardFor(g.id, shard[1]) === shard[0]);
  }

  private readyPayload(session: GatewaySession): Json {
    return {
      v: 10,
      user: { ...userObject(this.bot), bot: true, verified: true, mfa_enabled: false, email: null },
      guilds: this.guildsOnShard(session.shard).map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: `${this.baseWsUrl}${RESUME_PATH}`,
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      _trace: ['["discord-simulator",{"micros":0}]'],
    };
  }

  // -------------------------------------------------------------------------------------------------------
  // Interactions

  /**
   * Completes `spec` into a full INTERACTION_CREATE and dispatches it to the shard that owns its guild.
   * Returns a handle whose `response()` settles when the bot's answer is complete.
   */
  dispatchInteraction(spec: InteractionSpec, options: DispatchOptions = {}): TrackedInteraction {
    const completed = completeInteraction(spec, {
      applicationId: this.applicationId,
      bot: this.bot,
      guilds: this.guilds,
      defaultUser: this.defaultUser,
      findCommand: (name, type, guildId) => this.commands.find(name, type, guildId),
    });
    const shardId = options.shardId ?? this.gateway.shardForGuild(completed.guildId);
    const session = this.sessionFor(shardId);
    const tracked = new TrackedInteraction(
      completed.id,
      completed.token,
      completed.payload,
      shardId,
      Date.now(),
      this.options.responseTimeoutMs,
    );
    this.byId.set(tracked.id, tracked);
    this.byToken.set(tracked.token, tracked);
    if (this.options.keepRecords) this.interactions.push(tracked);
    this.gateway.dispatch(session, 'INTERACTION_CREATE', completed.payload);
    return tracked;
  }

  /** Dispatches and waits for the complete response: `await sim.interact(slash('ping'))`. */
  interact(
    spec: InteractionSpec,
    options: ResponseOptions & DispatchOptions = {},
  ): Promise<InteractionResult> {
    const tracked = this.dispatchInteraction(spec, options);
    const response = tracked.response(options);
    if (this.options.keepRecords) return response;
    const forget = () => {
      if (this.byId.get(tracked.id) === tracked) this.byId.delete(tracked.id);
      if (this.byToken.get(tracked.token) === tracked) this.byToken.delete(tracked.token);
    };
    return response.finally(forget);
  }

  // -------------------------------------------------------------------------------------------------------
  // Faults

  /**
   * The next interaction callback gets a 429; discord.js waits and retries. @discordjs/rest reads only the
   * `Retry-After` header (not `retry_after` in the body), and retries at once when it is missing. Discord
   * rounds the header up to whole seconds; here it carries the value as given so that tests stay fast.
   */
  failNextCallbackWith429(retryAfterSeconds = 0.2): void {
    this.faults.push({
      matches: (_request, route) => route.path === CALLBACK_ROUTE,
      reply: () => ({
        status: 429,
        headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      }),
      remaining: 1,
    });
  }

  /**
   * The next request (or the next `times` requests) matching `match` fail with `status`; 5xx are
   * retried by discord.js on its own. `match` is a path substring, a RegExp on the path, or a predicate;
   * `code` is the Discord error code in the body (e.g. 10062 for an expired interaction).
   */
  failNextRestWith(
    status: number,
    options: { match?: RequestMatcher; times?: number; code?: number } = {},
  ): void {
    const test = matcher(options.match);
    this.faults.push({
      matches: (request) => test(request),
      reply: () =>
        status >= 500
          ? discordError(status, options.code ?? 0, `${status}: Server Error`)
          : discordError(status, options.code ?? 0, `${status}: Simulated failure`),
      remaining: options.times ?? 1,
    });
  }

  /**
   * Holds the next interaction callback before acting on it, until `release()` is called: the bot's request
   * stays in flight, as when Discord is slow to answer. `arrived` settles when the held request comes in.
   */
  holdNextCallback(): { arrived: Promise<void>; release: () => void } {
    let arrive = () => {};
    let release = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ arrive, gate });
    return { arrived, release };
  }

  /**
   * Holds the next request matching `match` until `release()` is called. `before`: before the route acts on it
   * (nothing is created yet); `after`: the route has acted (a message is posted) but the reply is not sent, as
   * when a connection breaks on the way back. `arrived` settles when the request comes in.
   */
  holdNextRequest(
    match: RequestMatcher,
    stage: 'before' | 'after' = 'before',
  ): { arrived: Promise<void>; release: () => void; drop: () => void } {
    let arrive = () => {};
    let settle: (outcome: 'release' | 'drop') => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const gate = new Promise<'release' | 'drop'>((resolve) => {
      settle = resolve;
    });
    this.requestHolds.push({ matches: matcher(match), stage, arrive, gate });
    return { arrived, release: () => settle('release'), drop: () => settle('drop') };
  }

  /** Channel messages posted in `channelId`, oldest first. */
  messagesIn(channelId: string): Json[] {
    return this.channelMessages.filter((m) => m.channel_id === channelId);
  }

  private takeRequestHold(
    request: SimRequest,
    stage: 'before' | 'after',
  ): Promise<'release' | 'drop'> | undefined {
    const hold = this.requestHolds.find((h) => h.stage === stage && h.matches(request));
    if (!hold) return undefined;
    this.requestHolds.splice(this.requestHolds.indexOf(hold), 1);
    hold.arrive();
    return hold.gate;
  }

  private takeHold(request: SimRequest): Promise<unknown> | undefined {
    const held = this.takeRequestHold(request, 'before');
    if (held) return held;
    if (request.method !== 'POST' || !CALLBACK_PATH.test(request.path)) return undefined;
    const hold = this.holds.shift();
    if (!hold) return undefined;
    hold.arrive();
    return hold.gate;
  }

  private takeFault(request: SimRequest, route: Route, params: Record<string, string>): Reply | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && f.matches(request, route));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    const reply = fault.reply();
    if (route.path === CALLBACK_ROUTE) {
      const code = Number((reply.body as Json | undefined)?.code ?? 0);
      this.byId.get(params.id ?? '')?.rejectCallback(reply.status, code);
    }
    return reply;
  }

  // -------------------------------------------------------------------------------------------------------
  // Records and waiting

  /** Commands as the last bulk overwrite left them (global, or for one guild). */
  registeredCommands(guildId?: string): Json[] {
    return this.commands.list(guildId);
  }

  /** Resolves with the predicate's first truthy value; rejects after `timeoutMs`. */
  waitFor<T>(
    predicate: () => T | undefined | null | false,
    timeoutMs = 5_000,
    what = 'condition',
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        let value: T | undefined | null | false;
        try {
          value = predicate();
        } catch (error) {
          cleanup();
          reject(error);
          return;
        }
        if (!value) return;
        cleanup();
        resolve(value);
      };
      // Some predicates look at state outside the simulator (the client's cache), so poll as well.
      const poll = setInterval(check, 20);
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`waitFor: ${what} not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearInterval(poll);
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Forgets requests, violations and interactions (not commands or sessions), e.g. between tests. */
  clearRecords(): void {
    this.requests.length = 0;
    this.unexpectedRequests.length = 0;
    this.violations.length = 0;
    this.interactions.length = 0;
    this.channelMessages.length = 0;
    this.byId.clear();
    this.byToken.clear();
    this.faults.length = 0;
  }

  private check(route: string, kind: BodyKind, body: unknown, context: BodyContext): string[] {
    const findings = validateBody(kind, body, context);
    for (const f of findings) this.addViolation(route, f.source, f.message);
    return findings.map((f) => `${f.source}: ${f.message}`);
  }

  private addViolation(route: string, source: Violation['source'], message: string): void {
    this.violations.push({ route, source, message, time: Date.now() });
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
