// The one place that reads the environment: zod turns it into a typed Config, or into one clear line per bad
// variable. Everything else receives the Config.
import { z } from 'zod';
import { snowflakeSchema } from '../snowflake.ts';
import { DEFAULT_DATA_DIR, DEFAULT_STATE_DIR } from './defaults.ts';

const snowflake = snowflakeSchema();
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
  z.preprocess(emptyAsUndefined, schema.default(value as never));
/** `a, b,c` → ['a', 'b', 'c'], each checked by `item`; empty → []. */
const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : (v ?? []),
    z.array(item),
  );
/** `true` or `false`; empty or unset: `value`. */
const flag = (value: boolean) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .enum(['true', 'false'], 'must be true or false')
      .default(value ? 'true' : 'false')
      .transform((v) => v === 'true'),
  );
const int = (min: number, max: number) =>
  z.coerce
    .number(`must be a whole number from ${min} to ${max}`)
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

export const configSchema = z.object({
  DISCORD_TOKEN: optional(z.string().regex(/^\S+$/, 'must be a bot token (no spaces)')),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL ending in /api' })),
  DATA_DIR: withDefault(z.string().min(1), DEFAULT_DATA_DIR),
  STATE_DIR: withDefault(z.string().min(1), DEFAULT_STATE_DIR),
  /** Where each recorded change set is posted; empty: no feed (history is still kept). */
  CHANGES_CHANNEL_ID: optional(snowflake),
  /** First retry of a feed post Discord refused or failed; each further failure doubles the wait, up to 10 min. */
  FEED_RETRY_MS: withDefault(int(1, 600_000), 2000),
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  ALLOWED_GUILD_IDS: commaList(snowflake),
  COOLDOWN_COMMANDS: withDefault(int(0, 1000), 5),
  COOLDOWN_SECONDS: withDefault(int(1, 3600), 10),
  HEALTH_PORT: optional(int(0, 65535)),
  HEALTH_HOST: withDefault(z.string().min(1), '127.0.0.1'),
  RELOAD_DEBOUNCE_MS: withDefault(int(0, 60_000), 500),
  WATCH_DATA: flag(true),
  SHUTDOWN_GRACE_MS: withDefault(int(0, 60_000), 5000),
  /** Run a few requests (a map among them) through the handlers before going online, so first users wait less. */
  WARM_UP: flag(true),
  SHARD_COUNT: withDefault(z.union([z.literal('auto'), int(1, 10_000)]), 'auto'),
  /** Pause between starting shard processes: Discord lets a bot identify about once every 5 s. */
  SHARD_SPAWN_DELAY_MS: withDefault(int(0, 60_000), 5500),
  /** The shards this machine runs, when shards are spread over several machines; empty: all of them. */
  SHARD_IDS: commaList(z.coerce.number().int().min(0)),
});

export type Config = z.infer<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  // Never echo values back: one of them may be the token.
  const errors = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  return { ok: false, errors };
}
