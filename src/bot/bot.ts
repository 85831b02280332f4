// Dossier on Discord: the discord.js client's life cycle (warm up, log in, register commands, report the
// gateway, shut down). Each interaction goes through interactionPipeline.ts.
import { Client, Events, GatewayIntentBits, Status as WsStatus } from 'discord.js';
import { COMMANDS } from '../../commands/index.ts';
import type { Config } from '../config/config.ts';
import type { Cooldown } from '../dispatch/cooldown.ts';
import { Dispatcher } from '../dispatch/dispatcher.ts';
import type { Request } from '../dispatch/request.ts';
import type { History } from '../history/history.ts';
import type { Logger } from '../log/logger.ts';
import type { EngineHolder } from '../runtime/engineHolder.ts';
import type { HealthSnapshot } from '../runtime/healthServer.ts';
import { syncCommands } from './commandSync.ts';
import { InteractionPipeline } from './interactionPipeline.ts';
import { makeRestRequest } from './restRequest.ts';

declare module 'discord.js' {
  interface Client {
    /** Set by the process that owns the client; read by the shard manager's health endpoint. */
    dossierHealth?: () => HealthSnapshot;
  }
}

/** How long stop() waits for the gateway connection to close before giving up on it. */
const DISCONNECT_WAIT_MS = 2000;

export interface BotOptions {
  config: Config;
  logger: Logger;
  holder: EngineHolder;
  cooldown?: Cooldown;
  history?: History;
}

export class DossierBot {
  readonly client: Client;
  private readonly dispatcher: Dispatcher;
  private readonly pipeline: InteractionPipeline;

  constructor(private readonly options: BotOptions) {
    const { config } = options;
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: { parse: [] },
      rest: {
        ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
        makeRequest: makeRestRequest,
      },
    });
    this.dispatcher = new Dispatcher({
      commands: COMMANDS,
      context: () => ({
        engine: options.holder.engine,
        status: options.holder.status,
        history: options.history,
      }),
      logger: options.logger,
      allowedGuildIds: config.ALLOWED_GUILD_IDS,
      cooldown: options.cooldown,
    });
    this.pipeline = new InteractionPipeline({
      rest: this.client.rest,
      dispatcher: this.dispatcher,
      logger: options.logger,
    });
    this.client.on(Events.InteractionCreate, (interaction) => this.pipeline.accept(interaction));
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
    // The warm-up (CPU here, a map in the render process) and the login (round trips to Discord) overlap: a
    // restart answers its first interaction a login's time sooner.
    const warming = config.WARM_UP ? this.warmUp() : Promise.resolve();
    warming.catch(() => {});
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.client.login(config.DISCORD_TOKEN);
    await Promise.all([ready, warming]);
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

  /** Interactions answered since start. */
  get served(): number {
    return this.pipeline.served;
  }

  /** Stops taking interactions, waits (bounded) for those in flight, then disconnects. */
  async stop(graceMs: number): Promise<void> {
    await this.pipeline.drain(graceMs);
    // Bounded too: discord.js never settles destroy() while a shard waits for READY (it reconnects instead).
    const closed = await Promise.race([
      this.client.destroy().then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), DISCONNECT_WAIT_MS).unref()),
    ]);
    if (!closed) this.options.logger.warn({ waitedMs: DISCONNECT_WAIT_MS }, 'gateway did not close in time');
  }
}
