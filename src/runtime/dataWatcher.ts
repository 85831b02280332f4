// Watches the data directory and asks for a reload once changes settle, naming the profile files that changed so
// the reload looks at those alone. One plain fs.watch per folder: on Node 20 a recursive watch rescans the whole
// tree synchronously on every event and stalls the bot.
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger.ts';
import { type ChangedFiles, PROFILES_DIR } from '../profiles/loadCorpus.ts';

/**
 * More profile files than this named before changes settle is a bulk change (a checkout, a sync): the reload then
 * looks at every file, which costs no more than looking at this many by name.
 */
export const MAX_NAMED_FILES = 1000;

export class DataWatcher {
  private readonly watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;
  private changedFiles: Set<string> | 'all' = new Set();

  constructor(
    private readonly dataDir: string,
    private readonly debounceMs: number,
    private readonly onChange: (changed: ChangedFiles) => void,
    private readonly logger: Logger,
  ) {}

  start(): void {
    // In the data folder: actors.yaml and teams.yaml, which every reload looks at whatever it is told, or the
    // profiles folder itself (replaced, renamed): then no name of a profile file can be trusted to say what changed.
    this.watch(this.dataDir, (name) =>
      this.changed(name === PROFILES_DIR || name === null ? 'all' : undefined),
    );
    this.watch(path.join(this.dataDir, PROFILES_DIR), (name) => this.changed(name ?? 'all'));
  }

  private watch(dir: string, onEvent: (name: string | null) => void): void {
    try {
      // Linux names the file in every event; a platform that does not gives null, which means "look at all".
      const watcher = watch(dir, { persistent: false }, (_event, name) =>
        onEvent(name ? String(name) : null),
      );
      watcher.on('error', (err) => this.logger.warn({ err, dir }, 'data watch failed; SIGHUP still reloads'));
      this.watchers.push(watcher);
    } catch (err) {
      this.logger.warn({ err, dir }, 'cannot watch data folder; SIGHUP still reloads');
    }
  }

  /** `name`: a profile file that changed; `all`: any may have; undefined: none did (another data file). */
  private changed(name: string | 'all' | undefined): void {
    if (name === 'all') this.changedFiles = 'all';
    else if (name !== undefined && this.changedFiles !== 'all') {
      this.changedFiles.add(name);
      if (this.changedFiles.size > MAX_NAMED_FILES) this.changedFiles = 'all';
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const changed = this.changedFiles;
      this.changedFiles = new Set();
      this.onChange(changed);
    }, this.debounceMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers.length = 0;
  }
}
