// Sharded start end to end: the simulator recommends 2 shards, the manager starts 2 shard processes, each
// identifies with its own shard id, interactions on either shard are answered, SIGHUP reaches both, and
// /healthz reports every shard.
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DiscordSimulator, slash, snowflakeForShard } from '../sim/index.ts';
import { type BotProcess, getHealth, startBot } from './botProcess.ts';

let sim: DiscordSimulator;
let manager: BotProcess;

beforeAll(async () => {
  sim = await new DiscordSimulator({
    shards: 2,
    guilds: [
      {
        id: snowflakeForShard(0, 2),
        name: 'Shard zero guild',
        channels: [{ name: 'general' }, { name: 'changes' }],
      },
      { id: snowflakeForShard(1, 2), name: 'Shard one guild', channels: [{ name: 'team-kesh' }] },
    ],
  }).start();
  manager = await startBot(sim, {
    script: 'src/shard/manager.ts',
    env: {
      SHARD_SPAWN_DELAY_MS: '0',
      LOG_LEVEL: 'info',
      CHANGES_CHANNEL_ID: sim.guilds[0]!.channels[1]!.id,
    },
    waitForReady: false,
  });
  await manager.waitForLog((l) => l.msg === 'all shards ready', 40_000, 'all shards ready');
}, 60_000);

afterAll(async () => {
  await manager?.stop();
  await sim?.stop();
});

it('starts one process per shard, each identifying with its own shard id', () => {
  const shards = sim.identifies.map((i) => i.shard).sort();
  expect(shards).toEqual([
    [0, 2],
    [1, 2],
  ]);
  const started = manager.logs.filter((l) => l.msg === 'shard started').map((l) => l.shard);
  expect(started.sort()).toEqual([0, 1]);
});

it('answers an interaction dispatched on either shard', async () => {
  for (const [shardId, guild] of sim.guilds.entries()) {
    const r = await sim.interact(
      slash('profile', {}, { guildId: guild.id, channelId: guild.channels![0]!.id }),
      { shardId },
    );
    expect(r.callback?.type).toBe(4);
    const embed = (r.original as APIInteractionResponseCallbackData | undefined)?.embeds?.[0];
    // Shard 1's guild has a team channel: the team default shows that the right process answered with data.
    if (shardId === 1) expect(embed?.title).toContain('Kesh');
    else expect(embed?.title).toBe('Which actor?');
  }
  const r = await sim.interact(
    slash(
      'profile',
      { actor: 'valdoria' },
      { guildId: sim.guilds[1]!.id, channelId: sim.guilds[1]!.channels![0]!.id },
    ),
    {
      shardId: 1,
    },
  );
  expect((r.original as APIInteractionResponseCallbackData | undefined)?.embeds?.[0]?.title).toContain(
    'Valdoria',
  );
  expect(sim.violations).toEqual([]);
});

it('passes SIGHUP on to every shard, and /healthz reports every shard', async () => {
  manager.child.kill('SIGHUP');
  await manager.waitForLog(
    (l) => l.msg === 'data reloaded' && l.reason === 'reload from the shard manager',
    10_000,
    'a shard reload',
  );
  await expect
    .poll(
      () =>
        manager.logs.filter((l) => l.msg === 'data reloaded' && l.reason === 'reload from the shard manager')
          .length,
      { timeout: 10_000 },
    )
    .toBe(2);
  const health = await getHealth(manager);
  expect(health.status).toBe(200);
  const shards = health.body.shards as { id: number; serving: boolean; gateway: { shards: number[] } }[];
  expect(shards.map((s) => s.id).sort()).toEqual([0, 1]);
  expect(shards.every((s) => s.serving)).toBe(true);
  expect(shards.map((s) => s.gateway.shards[0]).sort()).toEqual([0, 1]);
});

it('every shard records, one change set is recorded, only shard 0 posts it; /changes answers on either shard', async () => {
  const feed = () => sim.messagesIn(sim.guilds[0]!.channels[1]!.id);
  await sim.waitFor(() => feed().length > 0, 10_000, 'the baseline posted');
  // Nothing is left to post: no shard can still send a second message.
  await expect
    .poll(async () => {
      const shards = (await getHealth(manager)).body.shards as { history?: { outboxPending: number } }[];
      return shards.map((s) => s.history?.outboxPending);
    })
    .toEqual([0, 0]);
  expect(feed().map((m) => m.content)).toEqual(['baseline recorded: 3 profiles']);
  // One request: a second process posting too would show as a second request (answered by the nonce).
  const channel = sim.guilds[0]!.channels[1]!.id;
  expect(
    sim.requests.filter((q) => q.method === 'POST' && q.path === `/channels/${channel}/messages`),
  ).toHaveLength(1);
  const guild = sim.guilds[1]!;
  const r = await sim.interact(
    slash('changes', {}, { guildId: guild.id, channelId: guild.channels[0]!.id }),
    {
      shardId: 1,
    },
  );
  const embed = (r.original as APIInteractionResponseCallbackData | undefined)?.embeds?.[0];
  // The team channel's actor, answered from the shared history (a baseline names no actor).
  expect(embed?.title).toBe('Recent changes about Kesh');
});

it('stops every shard on SIGTERM and exits 0', async () => {
  expect(await manager.stop('SIGTERM')).toBe(0);
  expect(manager.logs.some((l) => l.msg === 'shard process died; it is restarted')).toBe(false);
});
