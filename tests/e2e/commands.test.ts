// Every command and subcommand of the real bot process over the fictional fixtures, asserting what a user
// would read: /profile (sections, private, mention), /relations of | toward | between with the map picture,
// /search, /help, the "Find actors" message command, autocomplete, did-you-mean and not-found notices, team
// channels, and the guild-only guard. One bot process serves the whole file.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  autocomplete,
  DiscordSimulator,
  type InteractionContext,
  type InteractionResult,
  messageCommand,
  slash,
} from '../sim/index.ts';
import { type BotProcess, startBot } from './botProcess.ts';
import {
  buttonLabelled,
  CALLBACK,
  channelId,
  choicesOf,
  controlsOf,
  embedOf,
  expectClean,
  expectNewMessage,
  field,
  fieldsOf,
  isEphemeral,
  messageOf,
} from './helpers.ts';

/** The channel teams.yaml binds to Kesh; its name says nothing about Kesh. */
const BOUND_CHANNEL = '900000000000000101';
const TEAMMATE = '222222222222222222';
const PROFILE_CODES = new Set(['VAL', 'KSH', 'ORU']);
const ALL_CODES = new Set([...PROFILE_CODES, 'TAJR', 'SLF', 'GRN', 'PLX', 'MRD']);

let sim: DiscordSimulator;
let bot: BotProcess;
let guildId: string;
let at: (channel: string) => InteractionContext;

beforeAll(async () => {
  sim = await new DiscordSimulator({
    guilds: [
      {
        name: 'Exercise',
        channels: [
          { name: 'general' },
          { name: 'team-valdoria' },
          { name: 'val' },
          { name: 'ops-room', id: BOUND_CHANNEL },
        ],
      },
    ],
  }).start();
  // Warmed up as `npm start` is by default: the first answer (/profile below) comes at once, undeferred.
  bot = await startBot(sim, { env: { WARM_UP: 'true' } });
  const guild = sim.guilds[0]!;
  guildId = guild.id;
  at = (channel) => ({ guildId, channelId: channelId(guild, channel) });
});

afterEach(() => expectClean(sim));

afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
});

const run = (name: string, options: Record<string, string | boolean> = {}, channel = 'general') =>
  sim.interact(slash(name, options, at(channel)));

/** A public answer: a new message everyone in the channel sees, with mentions off. */
function expectPublic(r: InteractionResult): void {
  expectNewMessage(r);
  expect(isEphemeral(r)).toBe(false);
  expect(messageOf(r).allowed_mentions).toEqual({ parse: [] });
}

function expectPrivateNotice(r: InteractionResult, title: string): void {
  expectNewMessage(r);
  expect(isEphemeral(r)).toBe(true);
  expect(embedOf(r).title).toBe(title);
  expect(messageOf(r).allowed_mentions).toEqual({ parse: [] });
}

describe('/profile', () => {
  it('opens on the overview: title, summary, quick facts, page footer and navigation', async () => {
    const r = await run('profile', { actor: 'valdoria' });
    expectPublic(r);
    expect(r.callback?.type).toBe(CALLBACK.message);
    const embed = embedOf(r);
    expect(embed.title).toBe('🏴 Valdoria');
    expect(embed.description).toContain('Valdoria is a fictional coastal republic');
    expect(fieldsOf(r).map((f) => [f.name, f.value])).toEqual([
      ['Code', 'VAL'],
      ['Kind', 'state'],
      ['Also known as', 'Republic of Valdoria, Valdorian Republic, Valmont'],
      ['Flag image', 'Valdoria.png'],
      ['In this profile', '3 key interests · 6 actors listed · 0 other sections'],
    ]);
    expect(embed.footer?.text).toMatch(
      /^Overview · page 1 of 3 · Dossier · data loaded \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    );
    const message = messageOf(r);
    expect(message.content).toBeUndefined();
    expect(buttonLabelled(message, 'Next ▶').custom_id).toBe('p1:valdoria:interests:1:n');
    expect(buttonLabelled(message, '◀ Previous').disabled).toBe(true);
    expect(buttonLabelled(message, '1 / 3').disabled).toBe(true);
    expect(
      controlsOf(message)
        .filter((c) => c.custom_id?.endsWith(':s'))
        .map((c) => c.label),
    ).toEqual(['Overview', 'Key Interests & Priorities', 'Relationships']);
  });

  it('finds an actor by code or alias, in any case', async () => {
    for (const typed of ['VAL', 'val', 'Valmont', 'republic of valdoria']) {
      const r = await run('profile', { actor: typed });
      expect(embedOf(r).title, typed).toBe('🏴 Valdoria');
    }
  });

  it('section:interests opens on the key interests, numbered items in bold without stray escapes', async () => {
    const r = await run('profile', { actor: 'valdoria', section: 'interests' });
    expectPublic(r);
    const embed = embedOf(r);
    expect(embed.footer?.text).toMatch(/^Key Interests & Priorities · page 2 of 3 · /);
    expect(embed.description).toContain('**1\\. Port Security**\nValdoria wants the salt ports kept open.');
    expect(embed.description).toContain('**2\\. Water Rights**');
    expect(embed.description).toContain('**3\\. Trade Corridors**');
    // A backslash before a digit is not an escape in Discord: it would show.
    expect(embed.description).not.toMatch(/\\\d/);
  });

  it('an unknown section falls back to the overview and says so', async () => {
    const r = await run('profile', { actor: 'kesh', section: 'weather' });
    expectPublic(r);
    expect(messageOf(r).content).toBe('-# This profile has no section “weather”; here is the overview.');
    expect(embedOf(r).footer?.text).toMatch(/^Overview · page 1 of 4 · /);
  });

  it('other sections come after the relationships', async () => {
    const r = await run('profile', { actor: 'kesh', section: 'section-0' });
    expect(embedOf(r).description).toBe(
      '**History**\nThe federation was formed from three highland cantons. Its assembly meets in the summer capital.',
    );
    expect(embedOf(r).footer?.text).toMatch(/^History · page 4 of 4 · /);
  });

  it('private:true answers only the invoker', async () => {
    const r = await run('profile', { actor: 'oruna', private: true });
    expectNewMessage(r);
    expect(isEphemeral(r)).toBe(true);
    expect(embedOf(r).title).toBe('Oruna');
  });

  it('mention:<user> pings that one user and nobody else', async () => {
    const r = await run('profile', { actor: 'oruna', mention: TEAMMATE });
    expectNewMessage(r);
    expect(isEphemeral(r)).toBe(false);
    const message = messageOf(r);
    expect(message.content).toBe(`<@${TEAMMATE}>`);
    expect(message.allowed_mentions).toEqual({ parse: [], users: [TEAMMATE] });
    expect(embedOf(r).title).toBe('Oruna');
  });

  it('an actor without a profile gets its card instead', async () => {
    const r = await run('profile', { actor: 'SLF' });
    expectPublic(r);
    const embed = embedOf(r);
    expect(embed.title).toBe('Saltmarsh Liberation Front has no profile');
    expect(fieldsOf(r)[0]?.value).toContain('Listed 2 times by profiles');
  });
});

describe('/relations', () => {
  /** The one file uploaded (multipart) with the answer to `r`. */
  function uploadedMap(r: InteractionResult) {
    const sent = sim.requests.filter((q) => q.path.includes(`/${r.id}/`) || q.path.includes(r.token));
    const files = sent.flatMap((q) => q.files);
    expect(files).toHaveLength(1);
    return files[0]!;
  }

  it('of: categories in the profile’s order, meanings, AAOs without one, and the map picture', async () => {
    const r = await run('relations of', { actor: 'valdoria' });
    expectPublic(r);
    const embed = embedOf(r);
    expect(embed.title).toBe('🏴 Valdoria — how it lists others');
    expect(embed.description).toBe("6 actors listed in 5 categories, in the profile's order.");
    expect(fieldsOf(r).map((f) => f.name)).toEqual([
      '🟢 Allies (1)',
      '🟢 Partners (2)',
      '🔴 Rivals (1)',
      '🔴 Adversaries (1)',
      '⚪ AAOs (1)',
    ]);
    expect(field(r, '🟢 Partners (2)').value).toBe(
      '_Actors it works with as partners._\nOruna (ORU)\nMeridian Accord (MRD)',
    );
    expect(field(r, '⚪ AAOs (1)').value).toBe('_Meaning not given in the source._\nGreyhaven Network (GRN)');

    expect(embed.image?.url).toBe('attachment://relations-map.png');
    expect(messageOf(r).attachments).toEqual([{ id: '0', filename: 'relations-map.png' }]);
    const png = uploadedMap(r);
    expect(png).toMatchObject({ field: 'files[0]', filename: 'relations-map.png' });
    // discord.js sets the type from the bytes' signature: this is a PNG.
    expect(png.contentType).toBe('image/png');
    expect(png.size).toBeGreaterThan(1000);
  });

  it('of: an empty category says "none listed"', async () => {
    const r = await run('relations of', { actor: 'kesh' });
    expect(field(r, '🟢 Allies (0)').value).toBe('_Actors it counts as allies._\n_none listed_');
    expect(field(r, '⚪ AAOs (0)').value).toBe('_Meaning not given in the source._\n_none listed_');
    expect(field(r, '🟢 Partners (2)').value).toContain('Pellix Commonwealth (PLX)\nOruna (ORU)');
  });

  it('of with category: only that category', async () => {
    const r = await run('relations of', { actor: 'valdoria', category: 'Rivals' });
    expect(fieldsOf(r).map((f) => f.name)).toEqual(['🔴 Rivals (1)']);
    expect(field(r, '🔴 Rivals (1)').value).toContain('Kesh (KSH)');
  });

  it('toward: which profiles list an actor, and as what', async () => {
    const r = await run('relations toward', { actor: 'valdoria' });
    expectPublic(r);
    const embed = embedOf(r);
    expect(embed.title).toBe('Who lists 🏴 Valdoria');
    expect(embed.description).toBe('2 listings of Valdoria.');
    expect(fieldsOf(r)).toEqual([
      { name: '🔴 as Rivals (2)', value: 'Kesh → Rivals · KSH\nOruna → Rivals · ORU' },
    ]);
    expect(embed.image?.url).toBe('attachment://relations-map.png');
    expect(uploadedMap(r).size).toBeGreaterThan(1000);
  });

  it('between: an asymmetry is flagged (Valdoria lists Oruna as a partner, Oruna lists Valdoria as a rival)', async () => {
    const r = await run('relations between', { actor: 'valdoria', other: 'oruna' });
    expectPublic(r);
    const embed = embedOf(r);
    expect(embed.title).toBe('🏴 Valdoria ⇄ Oruna');
    expect(embed.description).toBe('⚠️ **Asymmetric:** the two profiles do not list each other the same way.');
    expect(field(r, 'How Valdoria lists Oruna').value).toBe('🟢 **Partners**');
    expect(field(r, 'How Oruna lists Valdoria').value).toBe('🔴 **Rivals**');
    expect(embed.image?.url).toBe('attachment://relations-map.png');
    expect(uploadedMap(r).size).toBeGreaterThan(1000);
  });

  it('between: a symmetric pair says so', async () => {
    const r = await run('relations between', { actor: 'KSH', other: 'ORU' });
    expect(embedOf(r).description).toBe('The two profiles list each other the same way.');
    expect(field(r, 'How Kesh lists Oruna').value).toBe('🟢 **Partners**');
    expect(field(r, 'How Oruna lists Kesh').value).toBe('🟢 **Partners**');
  });

  it('between without a second actor asks which', async () => {
    expectPrivateNotice(await run('relations between', { actor: 'valdoria' }), 'Which actor?');
  });
});

describe('/search', () => {
  it('lists matching sections with the matched words in bold', async () => {
    const r = await run('search', { query: 'dams' });
    expectPublic(r);
    const embed = embedOf(r);
    expect(embed.title).toBe('Search: dams');
    expect(embed.description).toBe('3 sections match.');
    expect(fieldsOf(r).map((f) => f.name)).toEqual([
      'Kesh › 1. Dams',
      'Kesh › PROFILE',
      'Valdoria › 2. Water Rights',
    ]);
    expect(field(r, 'Kesh › 1. Dams').value).toBe(
      "The **dam** programme is Kesh's first priority: it wants electricity to sell to Pellix.",
    );
    expect(field(r, 'Kesh › PROFILE').value).toContain('building a chain of **dams**.');
  });

  it('actor: keeps the search to one profile', async () => {
    const r = await run('search', { query: 'dams', actor: 'valdoria' });
    expect(embedOf(r).description).toBe("1 section matches in Valdoria's profile.");
    expect(fieldsOf(r).map((f) => f.name)).toEqual(['Valdoria › 2. Water Rights']);
  });

  it('actor: says so privately when the actor has no profile to search', async () => {
    const r = await run('search', { query: 'dams', actor: 'PLX' });
    expectPrivateNotice(r, 'Search: dams');
    expect(embedOf(r).description).toBe(
      'Pellix Commonwealth has no profile, so there is no section of its own to search.\nLeave out `actor` to search every profile: others may write of Pellix Commonwealth.',
    );
  });

  it('no hits: a private answer with a suggestion', async () => {
    const r = await run('search', { query: 'dammmes' });
    expectPrivateNotice(r, 'Search: dammmes');
    expect(embedOf(r).description).toBe('No section matches “dammmes”.\nDid you mean `dams`?');
  });

  it('no hits stays private and unmentioned even with mention:', async () => {
    const r = await run('search', { query: 'zzqx', mention: TEAMMATE });
    expect(isEphemeral(r)).toBe(true);
    expect(messageOf(r).content).toBeUndefined();
    expect(messageOf(r).allowed_mentions).toEqual({ parse: [] });
  });
});

describe('/help', () => {
  it('counts the data and explains every category', async () => {
    const r = await run('help');
    expectPrivateNotice(r, 'Dossier — actor profiles');
    expect(embedOf(r).description).toContain('`/relations between actor other`');
    expect(embedOf(r).description).toContain('`/relations network`');
    expect(field(r, 'Data').value).toMatch(
      /^\*\*3\*\* profiles, \*\*8\*\* actors, \*\*14\*\* relationships\.\nLoaded .+ UTC with 0 warnings\.\nHistory: last change set recorded .+ UTC; feed outbox empty\.$/,
    );
    expect(field(r, 'Relationship categories').value).toBe(
      [
        '**Allies** — Actors it counts as allies.',
        '**Partners** — Actors it works with as partners.',
        '**Rivals** — Actors it counts as rivals.',
        '**Adversaries** — Actors it counts as adversaries.',
        '**AAOs** — Meaning not given in the source.',
      ].join('\n'),
    );
  });
});

describe('Find actors (message command)', () => {
  it('gives a private card for each actor the message names, in order of mention', async () => {
    const r = await sim.interact(
      messageCommand(
        'Find actors',
        { content: 'Valdoria and the Saltmarsh Front met KSH delegates' },
        at('general'),
      ),
    );
    expectPrivateNotice(r, 'Find actors: 3 actors named');
    expect(fieldsOf(r).map((f) => f.name)).toEqual([
      '🏴 Valdoria (VAL)',
      'Saltmarsh Liberation Front (SLF)',
      'Kesh (KSH)',
    ]);
    expect(field(r, '🏴 Valdoria (VAL)').value).toContain('Profile: `/profile VAL`');
    expect(field(r, 'Saltmarsh Liberation Front (SLF)').value).toContain('No profile.');
    expect(field(r, 'Kesh (KSH)').value).toContain('Listed 2 times by profiles: `/relations toward KSH`');
  });

  it('says so when the message names no actor', async () => {
    const r = await sim.interact(messageCommand('Find actors', { content: 'Lunch at noon?' }, at('general')));
    expectPrivateNotice(r, 'Find actors');
    expect(embedOf(r).description).toBe(
      'This message names no actor Dossier knows (by name, code or alias).',
    );
  });
});

describe('autocomplete', () => {
  async function choices(
    command: string,
    options: Record<string, string>,
    focused: string,
    channel = 'general',
  ) {
    const r = await sim.interact(autocomplete(command, options, focused, at(channel)));
    expect(r.callback?.type).toBe(CALLBACK.choices);
    const list = choicesOf(r);
    expect(list.length).toBeLessThanOrEqual(25);
    for (const c of list) {
      expect([...c.name].length).toBeGreaterThan(0);
      expect([...c.name].length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    return list;
  }

  it('actor: the best match first, values are codes', async () => {
    const list = await choices('profile', { actor: 'val' }, 'actor');
    expect(list[0]).toEqual({ name: '🏴 Valdoria (VAL)', value: 'VAL' });
    for (const c of list) expect(ALL_CODES).toContain(c.value);
  });

  it('actor: an alias match shows which alias', async () => {
    const list = await choices('relations of', { actor: 'orunese' }, 'actor');
    expect(list[0]).toEqual({ name: 'Oruna (ORU) — alias: Orunese Union', value: 'ORU' });
  });

  it('actor: an empty query lists the actors with profiles first', async () => {
    const list = await choices('search', { query: 'x', actor: '' }, 'actor');
    expect(list.length).toBe(ALL_CODES.size);
    expect(new Set(list.slice(0, 3).map((c) => c.value))).toEqual(PROFILE_CODES);
    for (const c of list.slice(3)) expect(c.name).toMatch(/ — no profile$/);
  });

  it('actor: the second actor of /relations between completes too', async () => {
    const list = await choices('relations between', { actor: 'VAL', other: 'kes' }, 'other');
    expect(list[0]?.value).toBe('KSH');
  });

  it('section: the chosen actor’s sections, filtered by what is typed', async () => {
    const all = await choices('profile', { actor: 'KSH', section: '' }, 'section');
    expect(all).toEqual([
      { name: 'Overview', value: 'overview' },
      { name: 'Key Interests and Priorities', value: 'interests' },
      { name: 'Relationships', value: 'relationships' },
      { name: 'History', value: 'section-0' },
    ]);
    expect(await choices('profile', { actor: 'KSH', section: 'hist' }, 'section')).toEqual([
      { name: 'History', value: 'section-0' },
    ]);
    // Without an actor, the team channel's actor.
    const team = await choices('profile', { section: '' }, 'section', 'team-valdoria');
    expect(team.map((c) => c.name)).toEqual(['Overview', 'Key Interests & Priorities', 'Relationships']);
  });

  it('category: names with their meanings', async () => {
    const list = await choices('relations of', { actor: 'VAL', category: 'a' }, 'category');
    expect(list).toContainEqual({ name: 'Allies — Actors it counts as allies.', value: 'Allies' });
    expect(list).toContainEqual({ name: 'AAOs — meaning not given in the source', value: 'AAOs' });
  });
});

describe('did you mean, not found', () => {
  it('an ambiguous actor is a private "Did you mean" listing the candidates', async () => {
    for (const r of [
      await run('profile', { actor: 'republic' }),
      await run('relations of', { actor: 'republic' }),
      await run('relations between', { actor: 'oruna', other: 'republic' }),
    ]) {
      expectPrivateNotice(r, 'Did you mean…');
      const text = embedOf(r).description ?? '';
      expect(text).toContain('More than one actor could be “republic”:');
      expect(text).toContain('• 🏴 Valdoria (VAL) — alias: Republic of Valdoria');
      expect(text).toContain('• Tajarin (TAJR) — alias: Tajarinese Republic');
    }
  });

  it('an unknown actor is a private "Not found"', async () => {
    for (const r of [
      await run('profile', { actor: 'qwxzzy' }),
      await run('relations toward', { actor: 'qwxzzy' }),
      await run('search', { query: 'dams', actor: 'qwxzzy' }),
    ]) {
      expectPrivateNotice(r, 'Not found');
      expect(embedOf(r).description).toBe(
        'No actor matches “qwxzzy”. Try a name, a code (like RUS) or an alias.',
      );
    }
  });
});

describe('team channels', () => {
  it('#team-valdoria: /profile without an actor shows Valdoria and says why', async () => {
    const r = await run('profile', {}, 'team-valdoria');
    expectPublic(r);
    expect(messageOf(r).content).toBe('-# Team default: Valdoria (VAL), from #team-valdoria.');
    expect(embedOf(r).title).toBe('🏴 Valdoria');
  });

  it('#val (the code): the same default', async () => {
    const r = await run('profile', {}, 'val');
    expect(messageOf(r).content).toBe('-# Team default: Valdoria (VAL), from #val.');
    expect(embedOf(r).title).toBe('🏴 Valdoria');
  });

  it('a channel bound in teams.yaml: Kesh', async () => {
    const r = await run('profile', {}, 'ops-room');
    expectPublic(r);
    expect(messageOf(r).content).toBe('-# Team default: Kesh (KSH), from #ops-room.');
    expect(embedOf(r).title).toBe('Kesh');
    const relations = await run('relations of', {}, 'ops-room');
    expect(embedOf(relations).title).toBe('Kesh — how it lists others');
  });

  it('a typed actor wins over the team default', async () => {
    const r = await run('profile', { actor: 'oruna' }, 'team-valdoria');
    expect(messageOf(r).content).toBeUndefined();
    expect(embedOf(r).title).toBe('Oruna');
  });

  it('/search ranks the team’s profile first, and says so', async () => {
    const outside = await run('search', { query: 'fictional' });
    expect(messageOf(outside).content).toBeUndefined();
    expect(fieldsOf(outside)[0]?.name).toBe('Kesh › PROFILE');

    const inside = await run('search', { query: 'fictional' }, 'team-valdoria');
    expectPublic(inside);
    expect(messageOf(inside).content).toBe(
      '-# Team profile ranked first: Valdoria (VAL), from #team-valdoria.',
    );
    expect(fieldsOf(inside).map((f) => f.name)).toEqual([
      'Valdoria › Profile',
      'Kesh › PROFILE',
      'Oruna › Profile',
    ]);
  });

  it('outside a team channel, /profile without an actor asks which', async () => {
    const r = await run('profile');
    expectPrivateNotice(r, 'Which actor?');
    expect(embedOf(r).description).toContain('#team-<actor>');
  });
});

describe('guild only', () => {
  it('a direct message gets a private "Servers only"', async () => {
    const r = await sim.interact(slash('profile', { actor: 'valdoria' }, { guildId: null }));
    expectPrivateNotice(r, 'Servers only');
    const choices = await sim.interact(autocomplete('profile', { actor: 'val' }, 'actor', { guildId: null }));
    expect(choices.callback).toMatchObject({ type: CALLBACK.choices, data: { choices: [] } });
  });

  it('every interaction was logged with its outcome', async () => {
    await bot.waitForLog((l) => l.msg === 'interaction' && l.outcome === 'refused');
    const lines = bot.logs.filter((l) => l.msg === 'interaction' && l.kind === 'command');
    expect(lines.length).toBeGreaterThan(30);
    expect(new Set(lines.map((l) => l.outcome))).toEqual(new Set(['ok', 'refused']));
    expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
