// The world both change-feed suites run in: a copy of the fixture data, a fresh STATE_DIR, and a simulated server
// with a #general channel to type in and a #changes channel the feed posts to.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { DiscordSimulator, type Json } from '../sim/index.ts';
import { type BotProcess, getHealth, startBot } from './botProcess.ts';
import { copyFixtureData, type TempData } from './opsSupport.ts';

export interface FeedWorld {
  sim: DiscordSimulator;
  data: TempData;
  stateDir: string;
  feedChannel: string;
  general: { guildId: string; channelId: string };
  /** Starts the bot on this world's data and state, posting its feed to #changes. */
  start(env?: Record<string, string>): Promise<BotProcess>;
  /** The messages in #changes, oldest first. */
  feed(): Json[];
  /**
   * Waits until #changes holds `n` messages and `bot` has nothing left to post (its outbox is empty, so no retry
   * of a post is still to come), then checks that it holds exactly `n`.
   */
  feedSettlesAt(bot: BotProcess, n: number): Promise<Json[]>;
}

export async function feedWorld(stateDirPrefix: string): Promise<FeedWorld> {
  const data = await copyFixtureData();
  const stateDir = await mkdtemp(path.join(tmpdir(), stateDirPrefix));
  const sim = await new DiscordSimulator({
    guilds: [{ name: 'Exercise', channels: [{ name: 'general' }, { name: 'changes' }] }],
  }).start();
  const guild = sim.guilds[0]!;
  const feedChannel = guild.channels[1]!.id;
  const feed = () => sim.messagesIn(feedChannel);
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
          // The product waits 2 s before retrying a refused post; the retry itself is what is tested.
          FEED_RETRY_MS: '100',
          ...env,
        },
      }),
    feed,
    async feedSettlesAt(bot, n) {
      await sim.waitFor(() => feed().length >= n, 15_000, `${n} feed messages`);
      await expect
        .poll(async () => (await getHealth(bot)).body.history, { timeout: 15_000, interval: 50 })
        .toMatchObject({ outboxPending: 0 });
      expect(feed()).toHaveLength(n);
      return feed();
    },
  };
}
