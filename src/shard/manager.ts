// `npm run start:sharded`: runs Dossier as several shard processes with discord.js's ShardingManager. Each shard
// loads DATA_DIR and watches it itself; SIGHUP is passed on to every shard; /healthz here reports every shard.
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { configOrExit } from '../config/startupConfig.ts';
import { createLogger } from '../log/logger.ts';
import { HealthServer, type HealthSnapshot } from '../runtime/healthServer.ts';

const SHARD_SCRIPT = fileURLToPath(new URL('../main.ts', import.meta.url));
/** How long the health endpoint waits for a shard to say how it is. */
const SHARD_HEALTH_TIMEOUT_MS = 2000;

const config = configOrExit();
const logger = createLogger({ level: config.LOG_LEVEL, token: config.DISCORD_TOKEN });
if (!config.DISCORD_TOKEN) {
  console.error('DISCORD_TOKEN is not set: sharding needs a bot token (see .env.example).');
  process.exit(1);
}
const token = config.DISCORD_TOKEN;

/** Discord's recommendation, asked of the same API the shards use (discord.js's own helper ignores DISCORD_API_URL). */
async function recommendedShards(): Promise<number> {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

const totalShards = config.SHARD_COUNT === 'auto' ? await recommendedShards() : config.SHARD_COUNT;
const shardList = config.SHARD_IDS.length > 0 ? config.SHARD_IDS : 'auto';
if (shardList !== 'auto' && shardList.some((id) => id >= totalShards)) {
  console.error(`config: SHARD_IDS must be below SHARD_COUNT (${totalShards})`);
  process.exit(1);
}
// The health endpoint is the manager's: shards must not each try to open the same port.
const healthPort = config.HEALTH_PORT;
delete process.env.HEALTH_PORT;

let stopping = false;
const manager = new ShardingManager(SHARD_SCRIPT, {
  token,
  totalShards,
  shardList,
  mode: 'process',
  respawn: true,
  execArgv: ['--import', 'tsx'],
});
manager.on('shardCreate', (shard) => {
  logger.info({ shard: shard.id, totalShards }, 'shard started');
  shard.on('death', () => {
    if (!stopping) logger.error({ shard: shard.id }, 'shard process died; it is restarted');
  });
});

const health = new HealthServer(async (): Promise<HealthSnapshot> => {
  const shards = await Promise.all(
    [...manager.shards.values()].map(async (shard) => {
      try {
        const snapshot = await Promise.race([
          shard.eval((client) => client.dossierHealth?.() ?? null),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), SHARD_HEALTH_TIMEOUT_MS).unref()),
        ]);
        return { id: shard.id, ...(snapshot ?? { serving: false, status: 'not answering' }) };
      } catch (err) {
        return { id: shard.id, serving: false, status: `unavailable: ${(err as Error).message}` };
      }
    }),
  );
  const expected = shardList === 'auto' ? totalShards : shardList.length;
  return {
    serving: shards.length === expected && shards.every((s) => s.serving),
    status: 'sharded',
    totalShards,
    shards,
    uptimeSeconds: Math.round(process.uptime()),
  };
});
if (healthPort !== undefined) {
  const port = await health.listen(healthPort, config.HEALTH_HOST);
  logger.info({ port, host: config.HEALTH_HOST }, 'health endpoint listening on /healthz');
}

process.on('SIGHUP', () => {
  logger.info('reload requested: passing it on to every shard');
  for (const shard of manager.shards.values()) void shard.send('dossier:reload').catch(() => undefined);
});

const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping every shard');
  await Promise.all(
    [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return resolve();
          // Each shard finishes its interactions in flight on SIGTERM; respawn is off for a kill.
          child.once('exit', () => resolve());
          manager.respawn = false;
          child.kill('SIGTERM');
        }),
    ),
  );
  await health.close();
  logger.info('stopped');
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await manager.spawn({ amount: totalShards, delay: config.SHARD_SPAWN_DELAY_MS, timeout: 60_000 });
logger.info({ shards: manager.shards.size }, 'all shards ready');
