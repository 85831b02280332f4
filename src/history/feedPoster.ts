// Posts recorded change sets to the feed channel from the outbox. A post is marked done only once Discord
// accepts it; it goes with a nonce and enforce_nonce, so a retry after a crash returns the message already
// posted instead of posting it twice. Refusals (403, 404) and outages are logged and retried with backoff; posting
// runs beside the bot's answers and never holds them up.
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { Logger } from '../log/logger.ts';
import { baselineText, changeSetView } from '../render/changesReply.ts';
import type { ChangeSet } from './changeSet.ts';
import type { HistoryStore, OutboxItem } from './historyStore.ts';

/** First retry after this long; each failure doubles it, up to the cap. */
export const RETRY_BASE_MS = 2_000;
export const RETRY_MAX_MS = 10 * 60_000;

export interface FeedRest {
  /** POST /channels/{id}/messages; resolves with the created (or, for a repeated nonce, the existing) message. */
  postMessage(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<{ id: string }>;
}

export function feedMessage(
  set: ChangeSet,
  nonce: string,
  names: (code: string) => string | undefined = () => undefined,
): RESTPostAPIChannelMessageJSONBody {
  const base = { allowed_mentions: { parse: [] }, nonce, enforce_nonce: true };
  if (set.baseline) return { ...base, content: baselineText(set) };
  const view = changeSetView(set, 0, names);
  return { ...base, embeds: view.embeds, components: view.components };
}

/** How long to wait after the attempts-th failed try; `baseMs` is the first wait. */
export function retryDelay(attempts: number, baseMs = RETRY_BASE_MS): number {
  return Math.min(RETRY_MAX_MS, baseMs * 2 ** Math.max(0, attempts));
}

export class FeedPoster {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: HistoryStore,
    private readonly rest: FeedRest,
    private readonly logger: Logger,
    private readonly names: (code: string) => string | undefined = () => undefined,
    private readonly retryBaseMs = RETRY_BASE_MS,
  ) {}

  /** Posts what is due now, then waits for the next retry or kick. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      } else this.schedule();
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const next = this.store.nextAttemptAt();
    if (!next) return;
    const wait = Math.max(0, next.getTime() - Date.now());
    this.timer = setTimeout(() => this.kick(), wait);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const item = this.store.nextDue(new Date());
      if (!item) return;
      // Stop at the first failure: posts keep their order, and the retry waits its turn.
      if (!(await this.post(item))) return;
    }
  }

  private async post(item: OutboxItem): Promise<boolean> {
    const set = this.store.changeSet(item.changeSetId);
    if (!set) {
      this.store.markPosted(item.id, '0', new Date());
      return true;
    }
    try {
      const message = await this.rest.postMessage(item.channelId, feedMessage(set, item.nonce, this.names));
      this.store.markPosted(item.id, message.id, new Date());
      this.logger.info(
        { changeSet: set.id, channel: item.channelId, message: message.id, attempts: item.attempts + 1 },
        'change set posted to the feed',
      );
      return true;
    } catch (err) {
      const delay = retryDelay(item.attempts, this.retryBaseMs);
      const e = err as { status?: number; code?: number; message?: string };
      this.store.markFailed(
        item.id,
        `${e.status ?? ''} ${e.message ?? String(err)}`.trim(),
        new Date(Date.now() + delay),
      );
      this.logger.warn(
        {
          changeSet: set.id,
          channel: item.channelId,
          status: e.status,
          code: e.code,
          error: e.message,
          attempts: item.attempts + 1,
          retryInMs: delay,
        },
        e.status === 403 || e.status === 404
          ? 'the feed channel refused the post (check CHANGES_CHANNEL_ID and the bot’s permissions there); will retry'
          : 'could not post to the feed; will retry',
      );
      return false;
    }
  }
}
