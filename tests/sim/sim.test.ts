// Proves the Discord simulator against a bare discord.js client: login, every response path, faults,
// resume, sharding and the body checks.

import {
  ActionRowBuilder,
  ApplicationCommandType,
  AttachmentBuilder,
  type AutocompleteInteraction,
  ButtonBuilder,
  ButtonStyle,
  Client,
  type ClientOptions,
  ContextMenuCommandBuilder,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  type Interaction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  autocomplete,
  button,
  checkCommand,
  checkMessage,
  codePoints,
  DiscordSimulator,
  messageCommand,
  OptionType,
  slash,
  snowflakeForShard,
} from './index.ts';

const clients: Client[] = [];
const sims: DiscordSimulator[] = [];

async function startSim(
  options: ConstructorParameters<typeof DiscordSimulator>[0] = {},
): Promise<DiscordSimulator> {
  const sim = await new DiscordSimulator(options).start();
  sims.push(sim);
  return sim;
}

async function login(sim: DiscordSimulator, options: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sim.apiUrl }, ...options });
  clients.push(client);
  // ClientReady can fire before login() resolves, so listen first.
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(sim.token);
  await ready;
  return client;
}

/** Registers an interaction handler; errors it throws are collected instead of escaping as unhandled. */
function onInteraction(client: Client, handler: (interaction: Interaction) => Promise<unknown>): unknown[] {
  const failures: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => failures.push(error));
  });
  return failures;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const PROFILE_COMMAND = {
  name: 'profile',
  description: 'Actor profiles',
  options: [
    {
      type: OptionType.Subcommand,
      name: 'show',
      description: 'Show one profile',
      options: [
        {
          type: OptionType.String,
          name: 'id',
          description: 'Profile id',
          required: true,
          autocomplete: true,
        },
        {
          type: OptionType.Integer,
          name: 'limit',
          description: 'How many relations',
          min_value: 1,
          max_value: 10,
        },
      ],
    },
  ],
};

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
});

afterAll(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.stop()));
});

describe('DiscordSimulator with a bare discord.js client', () => {
  let sim: DiscordSimulator;

  beforeAll(async () => {
    sim = await startSim({
      guilds: [{ name: 'Dossier HQ', channels: [{ name: 'general' }, { name: 'casting' }], memberCount: 12 }],
    });
  });

  afterEach(() => {
    expect(sim.unexpectedRequests.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    sim.clearRecords();
  });

  it('logs in: READY then GUILD_CREATE put the guild and its channels in the cache', async () => {
    const client = await login(sim);
    const [guild] = sim.guilds;
    const cached = client.guilds.cache.get(guild!.id);
    expect(cached?.name).toBe('Dossier HQ');
    expect(cached?.memberCount).toBe(12);
    expect(cached?.channels.cache.map((c) => c.name).sort()).toEqual(['casting', 'general']);
    expect(client.user?.id).toBe(sim.applicationId);
    expect(sim.identifies.at(-1)?.shard).toEqual([0, 1]);
    expect(sim.identifies.at(-1)?.intents).toBe(GatewayIntentBits.Guilds);
  });

  it('refuses a wrong token with 401 on /gateway/bot, which discord.js reports as an invalid token', async () => {
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sim.apiUrl } });
    clients.push(client);
    await expect(client.login('not-the-token')).rejects.toThrow(/token/i);
    expect(sim.requests.find((r) => r.path === '/gateway/bot')?.status).toBe(401);
  });

  it('stores a bulk overwrite and returns it with ids and versions', async () => {
    const client = await login(sim);
    const [guild] = sim.guilds;
    const set = await client.application!.commands.set([PROFILE_COMMAND], guild!.id);
    expect(set.first()?.name).toBe('profile');
    const stored = sim.registeredCommands(guild!.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toMatch(/^\d{17,19}$/);
    expect(stored[0]?.version).toMatch(/^\d{17,19}$/);
    const fetched = await client.application!.commands.fetch({ guildId: guild!.id });
    expect(fetched.map((c) => c.name)).toEqual(['profile']);
    expect(sim.violations).toEqual([]);
  });

  it('finds nothing wrong with what discord.js builders produce', async () => {
    const client = await login(sim);
    const profile = new SlashCommandBuilder()
      .setName('profile')
      .setDescription('Actor profiles')
      .setNameLocalizations({ de: 'profil' })
      .setDefaultMemberPermissions(PermissionFlagsBits.SendMessages)
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((sub) =>
        sub
          .setName('show')
          .setDescription('Show one profile')
          .addStringOption((o) =>
            o.setName('id').setDescription('Profile id').setRequired(true).setAutocomplete(true),
          )
          .addIntegerOption((o) =>
            o.setName('limit').setDescription('Relations').setMinValue(1).setMaxValue(10),
          )
          .addUserOption((o) => o.setName('owner').setDescription('Owner')),
      );
    const save = new ContextMenuCommandBuilder()
      .setName('Save to Dossier')
      .setType(ApplicationCommandType.Message);
    await client.application!.commands.set([profile, save]);
    expect(sim.registeredCommands().map((c) => [c.name, c.type])).toEqual([
      ['profile', 1],
      ['Save to Dossier', 3],
    ]);
    expect(sim.violations).toEqual([]);
  });

  it('captures and validates a reply to a slash command with a subcommand and typed options', async () => {
    const client = await login(sim);
    await client.application!.commands.set([PROFILE_COMMAND], sim.guilds[0]!.id);
    const seen: unknown[] = [];
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push([
        interaction.options.getSubcommand(),
        interaction.options.getString('id'),
        interaction.options.getInteger('limit'),
      ]);
      await interaction.reply({
        content: `profile ${interaction.options.getString('id')}`,
        embeds: [
          new EmbedBuilder()
            .setTitle('Alice')
            .setDescription('An actor')
            .addFields({ name: 'Role', value: 'Lead' }),
        ],
        components: [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder()
              .setCustomId('relations:alice')
              .setLabel('Relations')
              .setStyle(ButtonStyle.Primary),
          ),
        ],
      });
    });

    const result = await sim.interact(slash('profile show', { id: 'alice', limit: 3 }));

    expect(failures).toEqual([]);
    expect(seen).toEqual([['show', 'alice', 3]]);
    expect(result.callback?.type).toBe(4);
    expect(result.original?.content).toBe('profile alice');
    expect(sim.violations).toEqual([]);
  });

  it('answers with_response=true with the created message', async () => {
    const client = await login(sim);
    const contents: (string | undefined)[] = [];
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'pong', withResponse: true });
      contents.push(response.resource?.message?.content);
      const fetched = await interaction.fetchReply();
      contents.push(fetched.content);
    });
    await sim.interact(slash('ping'));
    await sim.waitFor(() => contents.length === 2 || failures.length > 0);
    expect(failures).toEqual([]);
    expect(contents).toEqual(['pong', 'pong']);
  });

  it('captures deferReply + editReply as the original, and follow-ups', async () => {
    const client = await login(sim);
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await sleep(30);
      await interaction.editReply({ content: 'found 3 profiles' });
      await interaction.followUp({ content: 'and one more thing', flags: MessageFlags.Ephemeral });
    });

    const result = await sim.interact(slash('search', { query: 'ali' }), { followups: 1 });

    expect(failures).toEqual([]);
    expect(result.callback).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(result.original?.content).toBe('found 3 profiles');
    expect(result.edits).toHaveLength(1);
    expect(result.followups).toEqual([expect.objectContaining({ content: 'and one more thing' })]);
    expect(sim.violations).toEqual([]);
  });

  it('accepts attachments sent as multipart', async () => {
    const client = await login(sim);
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ files: [new AttachmentBuilder(Buffer.from('PNG?'), { name: 'card.png' })] });
    });
    const result = await sim.interact(slash('card'));
    expect(failures).toEqual([]);
    expect(result.callback?.type).toBe(4);
    const callback = sim.requests.find((r) => r.route?.endsWith('/callback'));
    expect(callback?.files).toEqual([expect.objectContaining({ filename: 'card.png', size: 4 })]);
    expect(sim.violations).toEqual([]);
  });

  it('captures an autocomplete response', async () => {
    const client = await login(sim);
    await client.application!.commands.set([PROFILE_COMMAND], sim.guilds[0]!.id);
    const focused: unknown[] = [];
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      focused.push(interaction.options.getFocused(true));
      await interaction.respond([
        { name: 'Alice Archer', value: 'alice' },
        { name: 'Alistair Cole', value: 'alistair' },
      ]);
    });

    const result = await sim.interact(autocomplete('profile show', { id: 'ali' }, 'id'));

    expect(failures).toEqual([]);
    expect(result.payload.type).toBe(4);
    expect(focused).toEqual([expect.objectContaining({ name: 'id', value: 'ali', focused: true })]);
    expect(result.callback?.type).toBe(8);
    expect(result.callback?.data).toEqual({ choices: [expect.anything(), expect.anything()] });
    expect(sim.violations).toEqual([]);
  });

  it('captures a button update', async () => {
    const client = await login(sim);
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.update({ content: `page 2 of ${interaction.customId}`, components: [] });
    });

    const result = await sim.interact(button('page:2', { message: { content: 'page 1' } }));

    expect(failures).toEqual([]);
    expect(result.callback?.type).toBe(7);
    expect(result.original).toMatchObject({ content: 'page 2 of page:2', components: [] });
    expect(sim.violations).toEqual([]);
  });

  it('dispatches a message context menu command with the resolved target message', async () => {
    const client = await login(sim);
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isMessageContextMenuCommand()) return;
      await interaction.reply({
        content: `saved: ${interaction.targetMessage.content}`,
        flags: MessageFlags.Ephemeral,
      });
    });
    const result = await sim.interact(messageCommand('Save to dossier', { content: 'Alice is in town' }));
    expect(failures).toEqual([]);
    expect(result.original).toMatchObject({
      content: 'saved: Alice is in town',
      flags: MessageFlags.Ephemeral,
    });
  });

  it('makes discord.js wait out a 429 and retry the callback', async () => {
    const client = await login(sim);
    const failures = onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('after the rate limit');
    });
    sim.failNextCallbackWith429(0.15);

    const result = await sim.interact(slash('ping'));

    expect(failures).toEqual([]);
    expect(result.rejected).toEqual([expect.objectContaining({ status: 429 })]);
    expect(result.original?.content).toBe('after the rate limit');
    expect(result.elapsedMs).toBeGreaterThanOrEqual(150);
    expect(sim.requests.filter((r) => r.route?.endsWith('/callback')).map((r) => r.status)).toEqual([
      429, 204,
    ]);
  });

  it('makes discord.js retry a 5xx on its own', async () => {
    const client = await login(sim);
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply('made it');
    });
    sim.failNextRestWith(502, { match: '/messages/@original' });

    const result = await sim.interact(slash('ping'));

    expect(failures).toEqual([]);
    expect(result.original?.content).toBe('made it');
    const edits = sim.requests.filter((r) => r.path.endsWith('/messages/@original'));
    expect(edits.map((r) => r.status)).toEqual([502, 200]);
  });

  it('refuses a second callback with 40060', async () => {
    const client = await login(sim);
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply('first');
      // discord.js refuses to reply twice itself, so go around it to reach the API.
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: 'second' } },
        auth: false,
      });
    });
    const handle = sim.dispatchInteraction(slash('ping'));
    const result = await handle.response({ until: (r) => r.rejected.length > 0 });
    await sim.waitFor(() => failures.length > 0);
    expect(result.original?.content).toBe('first');
    expect(result.rejected).toEqual([expect.objectContaining({ status: 400, code: 40060 })]);
    expect(failures[0]).toBeInstanceOf(DiscordAPIError);
    expect((failures[0] as DiscordAPIError).code).toBe(40060);
  });

  it('resumes after the gateway drops, replaying what was missed, and keeps answering', async () => {
    const client = await login(sim);
    const failures = onInteraction(client, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply(`still here: ${interaction.commandName}`);
    });
    const identifiesBefore = sim.identifies.length;

    sim.dropGatewayConnections();
    // Dispatched while the socket is down: it must be replayed on RESUME.
    const missed = sim.dispatchInteraction(slash('missed'));
    await sim.waitFor(() => sim.resumes.length > 0, 5_000, 'RESUME');
    const replayed = await missed.response();
    const later = await sim.interact(slash('later'));

    expect(failures).toEqual([]);
    expect(sim.identifies.length).toBe(identifiesBefore);
    expect(sim.resumes[0]).toMatchObject({ shard: [0, 1], path: '/gateway-resume' });
    expect(sim.resumes[0]!.replayed).toBeGreaterThanOrEqual(1);
    expect(replayed.original?.content).toBe('still here: missed');
    expect(later.original?.content).toBe('still here: later');
  });

  it('records a body over a limit as a violation: 26 autocomplete choices, embeds over 6,000', async () => {
    const client = await login(sim);
    const failures = onInteraction(client, async (interaction) => {
      if (interaction.isAutocomplete()) {
        await interaction.respond(
          Array.from({ length: 26 }, (_, i) => ({ name: `choice ${i}`, value: `v${i}` })),
        );
      } else if (interaction.isChatInputCommand()) {
        const long = 'x'.repeat(4000);
        await interaction.reply({
          embeds: [new EmbedBuilder().setDescription(long), new EmbedBuilder().setDescription(long)],
        });
      }
    });

    const choices = sim.dispatchInteraction(autocomplete('search', { query: 'a' }, 'query'));
    await choices.response({ until: (r) => r.rejected.length > 0 });
    const embeds = sim.dispatchInteraction(slash('big'));
    await embeds.response({ until: (r) => r.rejected.length > 0 });
    await sim.waitFor(() => failures.length === 2);

    const messages = sim.violations.map((v) => `${v.source}: ${v.message}`);
    expect(messages).toContain('limits: choices has 26 entries, at most 25');
    expect(messages).toContain('limits: embeds total 8000 characters, at most 6000 across all embeds');
    expect(messages.some((m) => m.startsWith('openapi:') && m.includes('25'))).toBe(true);
    expect(sim.violations.every((v) => v.route === 'POST /interactions/{id}/{token}/callback')).toBe(true);
    expect((failures[0] as DiscordAPIError).code).toBe(50035);
  });

  it('records a bulk overwrite with an uppercase command name as a violation', async () => {
    const client = await login(sim);
    const before = sim.registeredCommands();
    await expect(
      client.application!.commands.set([{ name: 'Profile', description: 'Actor profiles' }]),
    ).rejects.toThrow(DiscordAPIError);
    expect(sim.violations).toEqual([
      expect.objectContaining({
        route: 'PUT /applications/{app}/commands',
        source: 'limits',
        message: '[0].name "Profile" must be lowercase',
      }),
    ]);
    // Refused, so the previous registration stands.
    expect(sim.registeredCommands()).toBe(before);
  });

  it('answers unknown routes with a 404 and records them as unexpected', async () => {
    const client = await login(sim);
    await expect(client.rest.get(Routes.channelMessages(sim.guilds[0]!.channels[0]!.id))).rejects.toThrow(
      DiscordAPIError,
    );
    expect(sim.unexpectedRequests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /channels/${sim.guilds[0]!.channels[0]!.id}/messages`,
    ]);
    sim.unexpectedRequests.length = 0;
  });
});

describe('without records', () => {
  it('answers as before, keeps no request or interaction, and forgets an interaction once answered', async () => {
    const sim = await startSim({ keepRecords: false });
    const client = await login(sim);
    await client.application!.commands.set([PROFILE_COMMAND], sim.guilds[0]!.id);
    const answered: AutocompleteInteraction[] = [];
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      await interaction.respond([{ name: 'Alice Archer', value: 'alice' }]);
      answered.push(interaction);
    });

    const first = await sim.interact(autocomplete('profile show', { id: 'ali' }, 'id'));
    const second = await sim.interact(autocomplete('profile show', { id: 'al' }, 'id'));

    expect(failures).toEqual([]);
    expect([first.callback?.type, second.callback?.type]).toEqual([8, 8]);
    expect(sim.requests).toEqual([]);
    expect(sim.interactions).toEqual([]);
    // A callback for a forgotten interaction finds none, as one long expired would on Discord.
    const late = await client.rest
      .post(Routes.interactionCallback(answered[0]!.id, answered[0]!.token), {
        body: { type: 8, data: { choices: [] } },
        auth: false,
      })
      .catch((error: unknown) => error);
    expect((late as DiscordAPIError).code).toBe(10062);
  });
});

describe('interaction deadline', () => {
  it('refuses a callback after the deadline with 10062 unknown interaction', async () => {
    const sim = await startSim({ interactionDeadlineMs: 100 });
    const client = await login(sim);
    const failures = onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await sleep(180);
      await interaction.reply('too late');
    });
    const handle = sim.dispatchInteraction(slash('slow'));
    const result = await handle.response({ until: (r) => r.rejected.length > 0 });
    await sim.waitFor(() => failures.length > 0);
    expect(result.callback).toBeUndefined();
    expect(result.rejected).toEqual([expect.objectContaining({ status: 404, code: 10062 })]);
    expect((failures[0] as DiscordAPIError).code).toBe(10062);
  });
});

describe('sharding', () => {
  it('two clients identify as shard 0 and 1 of 2 and each gets its own guild and interactions', async () => {
    const guildA = snowflakeForShard(0, 2);
    const guildB = snowflakeForShard(1, 2);
    const sim = await startSim({
      shards: 2,
      guilds: [
        { id: guildA, name: 'Shard zero', channels: [{ name: 'a' }] },
        { id: guildB, name: 'Shard one', channels: [{ name: 'b' }] },
      ],
    });
    const shard0 = await login(sim, { shards: 0, shardCount: 2 });
    const shard1 = await login(sim, { shards: 1, shardCount: 2 });

    expect(sim.identifies.map((i) => i.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...shard0.guilds.cache.keys()]).toEqual([guildA]);
    expect([...shard1.guilds.cache.keys()]).toEqual([guildB]);

    for (const client of [shard0, shard1]) {
      onInteraction(client, async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply(`shard ${client.ws.shards.firstKey()}`);
      });
    }
    const inB = await sim.interact(slash('where', {}, { guildId: guildB }));
    const inA = await sim.interact(slash('where', {}, { guildId: guildA }));
    expect(inB.original?.content).toBe('shard 1');
    expect(inA.original?.content).toBe('shard 0');

    // An explicit shard wins over the guild's shard.
    const forced = sim.dispatchInteraction(slash('where', {}, { guildId: guildA }), { shardId: 1 });
    expect(forced.shardId).toBe(1);
    expect((await forced.response()).original?.content).toBe('shard 1');
    expect(sim.violations).toEqual([]);
  });
});

describe('gateway heartbeats', () => {
  it('acknowledges every heartbeat so the client never reconnects', async () => {
    const sim = await startSim({ heartbeatIntervalMs: 40 });
    const client = await login(sim);
    await sim.waitFor(() => sim.heartbeats >= 3, 2_000, 'three heartbeats');
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
    expect(sim.identifies).toHaveLength(1);
    expect(sim.resumes).toHaveLength(0);
  });
});

describe('checkLimits', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePoints('😀a')).toBe(2);
    expect(checkMessage({ content: '😀'.repeat(2000) }, { creates: true })).toEqual([]);
    expect(checkMessage({ content: 'x'.repeat(2001) }, { creates: true })).toEqual([
      'content must be 0–2000 characters, has 2001',
    ]);
  });

  it('applies the chat input name rules', () => {
    expect(checkCommand({ name: 'प्रोफ़ाइल', description: 'Devanagari' })).toEqual([]);
    expect(checkCommand({ name: 'โปรไฟล์', description: 'Thai' })).toEqual([]);
    expect(checkCommand({ name: 'has space', description: 'x' })).toEqual([
      'command.name "has space" does not match the command name pattern',
    ]);
    expect(checkCommand({ name: 'Save to Dossier', type: 3 })).toEqual([]);
    expect(
      checkCommand({
        name: 'p',
        description: 'd',
        options: [
          { type: 3, name: 'a', description: 'a' },
          { type: 3, name: 'b', description: 'b', required: true },
        ],
      }),
    ).toEqual(['command.options[1] "b" is required but listed after an optional option']);
  });

  it('checks the embed total after trimming, and the component layout', () => {
    const padded = {
      embeds: [
        { description: `   ${'x'.repeat(4000)}   ` },
        { title: 'y'.repeat(256), description: 'z'.repeat(1744) },
      ],
    };
    expect(checkMessage(padded, { creates: true })).toEqual([]);
    const button = (id: string) => ({ type: 2, style: 1, custom_id: id, label: 'l' });
    const rows = Array.from({ length: 6 }, (_, i) => ({ type: 1, components: [button(`r${i}`)] }));
    expect(checkMessage({ components: rows }, { creates: true })).toEqual([
      'components has 6 action rows, at most 5',
    ]);
    const wide = [{ type: 1, components: Array.from({ length: 6 }, (_, i) => button(`b${i}`)) }];
    expect(checkMessage({ components: wide }, { creates: true })).toEqual([
      'components[0] has 6 buttons, at most 5',
    ]);
    const textDisplay = { components: [{ type: 10, content: 'hi' }] };
    expect(checkMessage(textDisplay, { creates: false })).toHaveLength(1);
    expect(checkMessage(textDisplay, { creates: false, existingFlags: MessageFlags.IsComponentsV2 })).toEqual(
      [],
    );
  });
});
