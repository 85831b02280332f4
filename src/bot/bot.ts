// Dossier on Discord: a discord.js client that turns each interaction into a request, dispatches it, and sends
// the answer through respond.ts — deferring first when the work takes long, and logging one line per interaction.
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  Status as WsStatus,
} from 'discord.js';
import { COMMANDS } from '../../commands/index.ts';
import type { Config } from '../config/config.ts';
import type { Cooldown } from '../dispatch/cooldown.ts';
import { type Dispatched, Dispatcher, describe } from '../dispatch/dispatcher.ts';
import type { Request } from '../dispatch/request.ts';
import type { Logger } from '../log/logger.ts';
import { restarting } from '../render/notices.ts';
import type { EngineHolder } from '../runtime/engineHolder.ts';
import type { HealthSnapshot } from '../runtime/healthServer.ts';
import { syncCommands } from './commandSync.ts';
import { type InteractionRef, sendCallback, sendDeferral, sendDeferredResult } from './respond.ts';
import { toRequest } from './toRequest.ts';

declare module 'discord.js' {
  interface Client {
    /** Set by the process that owns the client; read by the shard manager's health endpoint. */
    dossierHealth?: () => HealthSnapshot;
  }
}

/** Discord wants an answer within 3 s; past this, acknowledge first and answer after. */
export const DEFER_AFTER_MS = 1500;
/** How long stop() waits for the gateway connection to close before giving up on it. */
const DISCONNECT_WAIT_MS = 2000;
/** Discord errors that mean "this interaction is gone", logged rather than retried. */
const UNKNOWN_INTERACTION = 10062;
const ALREADY_ACKNOWLEDGED = 40060;

export interface BotOptions {
  config: Config;
  logger: Logger;
  holder: EngineHolder;
  cooldown?: Cooldown;
}

export class DossierBot {
  readonly client: Client;
  private readonly dispatcher: Dispatcher;
  private readonly inFlight = new Set<Promise<void>>();
  private accepting = true;
  served = 0;

  constructor(private readonly options: BotOptions) {
    const { config } = options;
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: { parse: [] },
      rest: config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {},
    });
    this.dispatcher = new Dispatcher({
      commands: COMMANDS,
      context: () => ({ engine: options.holder.engine, status: options.holder.status }),
      logger: options.logger,
      allowedGuildIds: config.ALLOWED_GUILD_IDS,
      cooldown: options.cooldown,
    });
    this.client.on(Events.InteractionCreate, (interaction) => this.track(this.handle(interaction)));
    this.client.on(Events.ShardDisconnect, (_e, id) =>
      options.logger.warn({ shard: id }, 'gateway disconnected'),
    );
    this.client.on(Events.ShardResume, (id, replayed) =>
      options.logger.info({ shard: id, replayed }, 'gateway resumed'),
    );
    this.client.on(Events.ShardReconnecting, (id) =>
      options.logger.info({ shard: id }, 'gateway reconnecting'),
    );
    this.client.on(Events.Error, (err) => options.logger.error({ err }, 'discord client error'));
  }

  /**
   * Runs a few requests through the handlers before going online, so the first users do not pay for lazy module
   * loading, the map's font, and the first queries of fresh indexes.
   */
  async warmUp(): Promise<void> {
    const { corpus } = this.options.holder.engine;
    const actor = corpus.actors.find((a) => a.profileId) ?? corpus.actors[0];
    if (!actor) return;
    const base = { user: { id: '0', name: 'warm-up' }, guildId: '0', channel: null };
    const requests: Request[] = [
      {
        ...base,
        kind: 'autocomplete',
        command: 'profile',
        options: {},
        focused: { name: 'actor', value: actor.name.slice(0, 3) },
      },
      { ...base, kind: 'command', command: 'profile', options: { actor: actor.code } },
      { ...base, kind: 'command', command: 'relations', subcommand: 'of', options: { actor: actor.code } },
      { ...base, kind: 'command', command: 'search', options: { query: actor.name } },
    ];
    for (const request of requests) await this.dispatcher.dispatch(request, { quiet: true });
  }

  async start(): Promise<void> {
    const { config, logger } = this.options;
    await this.warmUp();
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.client.login(config.DISCORD_TOKEN);
    await ready;
    const appId = this.client.application!.id;
    logger.info(
      {
        user: this.client.user?.tag,
        guilds: this.client.guilds.cache.size,
        shards: this.client.ws.shards.size,
      },
      'connected to Discord',
    );
    // Only the first shard registers commands: they are per application, not per shard.
    if ((this.client.shard?.ids[0] ?? 0) === 0) {
      const outcome = await syncCommands(
        this.client.rest,
        appId,
        config.DISCORD_GUILD_ID,
        COMMANDS.map((c) => c.definition),
      );
      logger.info(
        { scope: config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'global', outcome },
        'commands synced',
      );
    }
  }

  /**
   * Logged in and every shard connected. discord.js sets `client.ws.status` to Ready once and keeps it there
   * through disconnects; each shard's own status says whether it is connected now.
   */
  get ready(): boolean {
    return this.client.isReady() && this.gatewayStatus() === WsStatus.Ready;
  }

  /** Whether the bot has been ready once: not ready now then means disconnected rather than starting. */
  get everReady(): boolean {
    return this.client.readyTimestamp !== null;
  }

  gateway(): { status: string; ping: number; shards: number[] } {
    const status = this.gatewayStatus();
    return {
      status: WsStatus[status] ?? String(status),
      ping: this.client.ws.ping,
      shards: this.client.shard?.ids ?? [...this.client.ws.shards.keys()],
    };
  }

  /** The first shard that is not ready (reconnecting, resuming…), or the client's status when all are. */
  private gatewayStatus(): WsStatus {
    const down = this.client.ws.shards.find((shard) => shard.status !== WsStatus.Ready);
    return down?.status ?? this.client.ws.status;
  }

  /** Stops taking interactions, waits (bounded) for those in flight, then disconnects. */
  async stop(graceMs: number): Promise<void> {
    this.accepting = false;
    const pending = [...this.inFlight];
    if (pending.length > 0) {
      this.options.logger.info({ inFlight: pending.length }, 'waiting for interactions in flight');
      await Promise.race([Promise.allSettled(pending), new Promise((r) => setTimeout(r, graceMs).unref())]);
    }
    // Bounded too: discord.js never settles destroy() while a shard waits for READY (it reconnects instead).
    const closed = await Promise.race([
      this.client.destroy().then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), DISCONNECT_WAIT_MS).unref()),
    ]);
    if (!closed) this.options.logger.warn({ waitedMs: DISCONNECT_WAIT_MS }, 'gateway did not close in time');
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const request = toRequest(interaction);
    if (!request) return;
    const ref: InteractionRef = {
      id: interaction.id,
      token: interaction.token,
      applicationId: interaction.applicationId,
    };
    if (!this.accepting) {
      await this.send(
        ref,
        request,
        { response: { type: 'message', reply: restarting() }, outcome: 'refused' },
        started,
      );
      return;
    }
    const work = this.dispatcher.dispatch(request);
    let deferred: { ephemeral: boolean } | null = null;
    let timer: NodeJS.Timeout | undefined;
    const deferral =
      request.kind === 'autocomplete'
        ? null
        : new Promise<'defer'>((resolve) => {
            timer = setTimeout(() => resolve('defer'), DEFER_AFTER_MS);
          });
    const first = await (deferral ? Promise.race([work, deferral]) : work);
    clearTimeout(timer);
    if (first === 'defer') {
      const ephemeral = this.dispatcher.isPrivate(request);
      try {
        await sendDeferral(
          this.client.rest,
          ref,
          request.kind === 'component' ? 'update' : 'message',
          ephemeral,
        );
        deferred = { ephemeral };
      } catch (err) {
        this.logFailure(err, request, started);
        return;
      }
    }
    await this.send(ref, request, await work, started, deferred);
  }

  private async send(
    ref: InteractionRef,
    request: Request,
    result: Dispatched,
    started: number,
    deferred: { ephemeral: boolean } | null = null,
  ): Promise<void> {
    const { logger } = this.options;
    try {
      if (deferred) await sendDeferredResult(this.client.rest, ref, result.response, deferred.ephemeral);
      else await sendCallback(this.client.rest, ref, result.response);
      this.served++;
      // Autocomplete comes with every keystroke and is logged at debug only: skip building its line otherwise.
      const level = request.kind === 'autocomplete' ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line = {
        ...describe(request),
        outcome: result.outcome,
        ref: result.ref,
        deferred: Boolean(deferred),
        ms: Math.round(performance.now() - started),
      };
      logger[level](line, 'interaction');
    } catch (err) {
      this.logFailure(err, request, started, result.ref);
    }
  }

  private logFailure(err: unknown, request: Request, started: number, ref?: string): void {
    const { logger } = this.options;
    const line = { ...describe(request), ref, ms: Math.round(performance.now() - started) };
    if (
      err instanceof DiscordAPIError &&
      (err.code === UNKNOWN_INTERACTION || err.code === ALREADY_ACKNOWLEDGED)
    ) {
      logger.warn(
        { ...line, code: err.code },
        err.code === UNKNOWN_INTERACTION
          ? 'interaction expired before the answer'
          : 'interaction already acknowledged',
      );
      return;
    }
    const failed = failedRequest(err);
    logger.error(failed ? { ...line, discord: failed } : { ...line, err }, 'could not send the answer');
  }
}

/**
 * A request Discord refused, as a log line should show it: status, code, method and route, but not the request
 * body (the whole answer, often kilobytes) nor the interaction token that the URL carries. Undefined for errors
 * that are not such a request (they are logged with their stack).
 */
export function failedRequest(err: unknown): Record<string, unknown> | undefined {
  if (!(err instanceof Error) || !('url' in err) || !('method' in err) || typeof err.url !== 'string')
    return undefined;
  let path = err.url;
  try {
    path = new URL(err.url).pathname;
  } catch {
    // Not a URL: kept as it is, and still cut below.
  }
  return {
    type: err.name,
    message: err.message,
    status: 'status' in err ? err.status : undefined,
    code: 'code' in err ? err.code : undefined,
    method: err.method,
    path: path
      .replace(/(\/interactions\/\d+\/)[^/]+/, '$1:token')
      .replace(/(\/webhooks\/\d+\/)[^/]+/, '$1:token'),
  };
}
