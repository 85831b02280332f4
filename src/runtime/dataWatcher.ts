// Watches the data directory and asks for a reload once changes settle. One plain fs.watch per folder: on
// Node 20 a recursive watch rescans the whole tree synchronously on every event and stalls the bot.
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger.ts';
import { PROFILES_DIR } from '../profiles/loadCorpus.ts';

export class DataWatcher {
  private readonly watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly debounceMs: number,
    private readonly onChange: () => void,
    private readonly logger: Logger,
  ) {}

  start(): void {
    for (const dir of [this.dataDir, path.join(this.dataDir, PROFILES_DIR)]) {
      try {
        const watcher = watch(dir, { persistent: false }, () => this.changed());
        watcher.on('error', (err) =>
          this.logger.warn({ err, dir }, 'data watch failed; SIGHUP still reloads'),
        );
        this.watchers.push(watcher);
      } catch (err) {
        this.logger.warn({ err, dir }, 'cannot watch data folder; SIGHUP still reloads');
      }
    }
  }

  private changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onChange();
    }, this.debounceMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers.length = 0;
  }
}
