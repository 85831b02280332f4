// Starts the feed in the bot process: a FeedPoster that sends through the client's REST manager, kicked after
// every recorded change set and once at start (for posts a crash or an outage left in the outbox).
import { type Client, Routes } from 'discord.js';
import type { Logger } from '../log/logger.ts';
import type { EngineHolder } from '../runtime/engineHolder.ts';
import { FeedPoster } from './feedPoster.ts';
import type { History } from './history.ts';

export function startFeed(
  history: History,
  client: Client,
  holder: EngineHolder,
  logger: Logger,
  retryBaseMs?: number,
): () => void {
  const { store } = history;
  if (!store) {
    logger.warn('CHANGES_CHANNEL_ID is set but there is no history database: nothing will be posted');
    return () => {};
  }
  const poster = new FeedPoster(
    store,
    {
      postMessage: async (channelId, body) =>
        (await client.rest.post(Routes.channelMessages(channelId), { body })) as { id: string },
    },
    logger,
    (code) => holder.engine.corpus.actorByCode.get(code)?.name,
    retryBaseMs,
  );
  history.onRecorded(() => poster.kick());
  poster.kick();
  return () => poster.stop();
}
