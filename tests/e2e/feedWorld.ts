// The world both change-feed suites run in: a copy of the fixture data, a fresh STATE_DIR, and a simulated server
// with a #general channel to type in and a #changes channel the feed posts to.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DiscordSimulator } from '../sim/index.ts';
import { type BotProcess, startBot } from './botProcess.ts';
import { copyFixtureData, type TempData } from './opsSupport.ts';

export interface FeedWorld {
  sim: DiscordSimulator;
  data: TempData;
  stateDir: string;
  feedChannel: string;
  general: { guildId: string; channelId: string };
  /** Starts the bot on this world's data and state, posting its feed to #changes. */
  start(env?: Record<string, string>): Promise<BotProcess>;
}

export async function feedWorld(stateDirPrefix: string): Promise<FeedWorld> {
  const data = await copyFixtureData();
  const stateDir = await mkdtemp(path.join(tmpdir(), stateDirPrefix));
  const sim = await new DiscordSimulator({
    guilds: [{ name: 'Exercise', channels: [{ name: 'general' }, { name: 'changes' }] }],
  }).start();
  const guild = sim.guilds[0]!;
  const feedChannel = guild.channels[1]!.id;
  return {
    sim,
    data,
    stateDir,
    feedChannel,
    general: { guildId: guild.id, channelId: guild.channels[0]!.id },
    start: (env = {}) =>
      startBot(sim, {
        env: {
          DATA_DIR: data.dir,
          STATE_DIR: stateDir,
          CHANGES_CHANNEL_ID: feedChannel,
          RELOAD_DEBOUNCE_MS: '100',
          ...env,
        },
      }),
  };
}
