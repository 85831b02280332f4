// `npm start`: configuration, data, then Discord (or, with no token and a terminal, the console).
import { DossierBot } from './bot/bot.ts';
import { failedRequest } from './bot/interactionPipeline.ts';
import { configOrExit } from './config/startupConfig.ts';
import { Cooldown } from './dispatch/cooldown.ts';
import { startFeed } from './history/feed.ts';
import { History } from './history/history.ts';
import { createLogger } from './log/logger.ts';
import { DataDirectoryError } from './profiles/loadCorpus.ts';
import { startRenderProcess } from './render/relationsMap/renderProcess.ts';
import { DataWatcher } from './runtime/dataWatcher.ts';
import { EngineHolder } from './runtime/engineHolder.ts';
import { HealthServer, type HealthSnapshot } from './runtime/healthServer.ts';

const config = configOrExit();
const logger = createLogger({ level: config.LOG_LEVEL, token: config.DISCORD_TOKEN });

if (!config.DISCORD_TOKEN) {
  if (process.stdin.isTTY && process.stdout.isTTY) {
    console.error(
      'No DISCORD_TOKEN set: starting the console instead (set it in .env to connect to Discord).',
    );
    const { runConsole } = await import('./console/console.ts');
    process.exitCode = await runConsole({ config, args: [] });
  } else {
    console.error(
      'DISCORD_TOKEN is not set: put the bot token in .env (see .env.example), or run `npm run console`.',
    );
    process.exitCode = 1;
  }
} else {
  await serve();
}

async function serve(): Promise<void> {
  let bot: DossierBot | null = null;
  let holder: EngineHolder | null = null;
  let history: History | null = null;
  let stopping = false;
  const snapshot = (): HealthSnapshot => ({
    serving: Boolean(bot?.ready && holder && !stopping),
    status: stopping ? 'stopping' : bot?.ready ? 'serving' : bot?.everReady ? 'disconnected' : 'starting',
    gateway: bot?.gateway() ?? null,
    data: holder
      ? {
          profiles: holder.engine.corpus.profiles.length,
          actors: holder.engine.corpus.actors.length,
          loadedAt: holder.engine.corpus.loadedAt.toISOString(),
          diagnostics: holder.engine.corpus.diagnostics.length,
        }
      : null,
    lastReload: holder?.status.lastReload ?? null,
    history: history?.status() ?? null,
    uptimeSeconds: Math.round(process.uptime()),
    interactionsServed: bot?.served ?? 0,
  });
  const health = new HealthServer(snapshot);
  if (config.HEALTH_PORT !== undefined) {
    const port = await health.listen(config.HEALTH_PORT, config.HEALTH_HOST);
    logger.info({ port, host: config.HEALTH_HOST }, 'health endpoint listening on /healthz');
  }

  // The warm-up draws a map: the render process starts now and gets ready while the data loads.
  if (config.WARM_UP) startRenderProcess();
  try {
    holder = await EngineHolder.load(config.DATA_DIR, logger, { stateDir: config.STATE_DIR });
  } catch (err) {
    if (!(err instanceof DataDirectoryError)) throw err;
    logger.fatal(err.message);
    await health.close();
    process.exitCode = 1;
    return;
  }
  const loaded = holder;
  const changes = History.open({
    stateDir: config.STATE_DIR,
    dataDir: config.DATA_DIR,
    logger,
    feedChannelId: config.CHANGES_CHANNEL_ID,
  });
  history = changes;
  // A restart's record re-reads every profile to see what changed while Dossier was down, and the very first
  // record writes every profile's text: either runs beside the login and then the answers, a slice at a time
  // (records run one at a time, in order, so a reload's comes after it).
  void changes.record(loaded.engine.corpus, 'start');
  loaded.onLoad((load) => void changes.record(load.engine.corpus, load.reason));
  const cooldown =
    config.COOLDOWN_COMMANDS > 0
      ? new Cooldown(config.COOLDOWN_COMMANDS, config.COOLDOWN_SECONDS * 1000)
      : undefined;
  bot = new DossierBot({ config, logger, holder: loaded, cooldown, history: changes });
  // A shard manager asks each shard for this through broadcastEval, which only sees the client.
  bot.client.dossierHealth = snapshot;
  const watcher = new DataWatcher(
    config.DATA_DIR,
    config.RELOAD_DEBOUNCE_MS,
    (changed) => void loaded.reload('data changed', changed),
    logger,
  );
  if (config.WATCH_DATA) watcher.start();
  process.on('SIGHUP', () => void loaded.reload('SIGHUP'));
  // A shard process is told to reload by its manager.
  process.on('message', (m) => {
    if (m === 'dossier:reload') void loaded.reload('reload from the shard manager');
  });

  let stopFeed = () => {};
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    watcher.stop();
    stopFeed();
    await holder?.close();
    await bot?.stop(config.SHUTDOWN_GRACE_MS);
    changes.close();
    await health.close();
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await bot.start();
    // Only the process running shard 0 posts: every shard records, but one feed is enough.
    if (config.CHANGES_CHANNEL_ID && (bot.client.shard?.ids[0] ?? 0) === 0)
      stopFeed = startFeed(changes, bot.client, loaded, logger, config.FEED_RETRY_MS);
  } catch (err) {
    // A refused token is an operator's mistake, not a fault: one line that says what to fix, no stack trace.
    if ((err as { code?: unknown }).code === 'TokenInvalid') {
      logger.fatal(
        'could not connect to Discord: Discord refused the token; check DISCORD_TOKEN (Bot → Reset Token in the developer portal)',
      );
    } else {
      const failed = failedRequest(err);
      logger.fatal(
        failed ? { discord: failed } : { err },
        `could not connect to Discord: ${(err as Error).message}`,
      );
    }
    await health.close();
    process.exit(1);
  }
}
