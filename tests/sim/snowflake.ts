// Snowflake ids and shard arithmetic: ids carry a real timestamp so discord.js's createdAt and
// Discord's shard formula behave as they do against the real API.

const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;

/** A 17–19-digit snowflake whose timestamp is `at` (default: now). */
export function snowflake(at: number | Date = Date.now()): string {
  const ms = BigInt(at instanceof Date ? at.getTime() : at);
  increment = (increment + 1n) & 0xfffn;
  return (((ms - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

/** The millisecond timestamp encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** Discord's routing rule: `shard_id = (guild_id >> 22) % num_shards`. */
export function shardFor(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));
}

/**
 * A snowflake that lands on `shardId` of `shardCount`, for tests that need a guild on a given shard.
 * Moves the timestamp back a few milliseconds until the formula matches.
 */
export function snowflakeForShard(shardId: number, shardCount: number, at: number = Date.now()): string {
  for (let ms = at; ; ms -= 1) {
    const id = snowflake(ms);
    if (shardFor(id, shardCount) === shardId) return id;
  }
}
