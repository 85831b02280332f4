// Profile paging with the real bot process: buttons and the section menu carry their own state in custom_id,
// and each press updates the message in place (callback type 7). Walks every page of the real seed profile,
// and a fictional profile with enough sections for the jump menu and a section that spans two pages (its
// relationship categories are out of the directory's order, to show that replies keep the profile's order).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  button,
  DiscordSimulator,
  type InteractionContext,
  type InteractionResult,
  type InteractionSpec,
  type Json,
  slash,
} from '../sim/index.ts';
import { type BotProcess, startBot } from './botProcess.ts';
import {
  buttonLabelled,
  CALLBACK,
  controlsOf,
  embedOf,
  expectClean,
  expectUpdate,
  isEphemeral,
  type Message,
  messageOf,
} from './helpers.ts';

interface World {
  sim: DiscordSimulator;
  bot: BotProcess;
  ctx: InteractionContext;
}

let seed: World;
let paging: World;

async function world(dataDir: string): Promise<World> {
  const sim = await new DiscordSimulator({
    guilds: [{ name: 'Exercise', channels: [{ name: 'general' }] }],
  }).start();
  // Warmed up as `npm start` is by default: these tests expect answers that come at once, a map among them.
  const bot = await startBot(sim, { env: { DATA_DIR: dataDir, WARM_UP: 'true' } });
  const guild = sim.guilds[0]!;
  return { sim, bot, ctx: { guildId: guild.id, channelId: guild.channels[0]!.id } };
}

beforeAll(async () => {
  [seed, paging] = await Promise.all([world('data'), world('tests/fixtures/paging')]);
});

afterEach(() => {
  for (const w of [seed, paging]) expectClean(w.sim);
});

afterAll(async () => {
  await Promise.all(
    [seed, paging].map(async (w) => {
      await w?.bot.stop();
      await w?.sim.stop();
    }),
  );
});

/** The message as Discord would send it back with a component interaction on it. */
function onMessage(message: Message): Json {
  return {
    content: message.content ?? '',
    embeds: message.embeds ?? [],
    components: message.components ?? [],
    flags: message.flags ?? 0,
  };
}

function press(w: World, message: Message, customId: string): Promise<InteractionResult> {
  return w.sim.interact(button(customId, { ...w.ctx, message: onMessage(message) }));
}

function choose(w: World, message: Message, customId: string, value: string): Promise<InteractionResult> {
  const spec: InteractionSpec = {
    ...button(customId, { ...w.ctx, message: onMessage(message) }),
    data: { custom_id: customId, component_type: 3, values: [value] },
  };
  return w.sim.interact(spec);
}

/** `Key Interests & Priorities · page 2 of 3 · Dossier · …` → its parts. */
function footer(message: Message): { label: string; page: number; of: number } {
  const text = message.embeds?.[0]?.footer?.text ?? '';
  const m = /^(.+?) · page (\d+) of (\d+) · Dossier · data loaded /.exec(text);
  expect(m, `footer "${text}"`).not.toBeNull();
  return { label: m![1]!, page: Number(m![2]), of: Number(m![3]) };
}

/** Presses Next until it is disabled; every press must update the message in place. */
async function walkForward(w: World, first: Message): Promise<Message[]> {
  const pages = [first];
  let current = first;
  for (;;) {
    const next = buttonLabelled(current, 'Next ▶');
    if (next.disabled) return pages;
    const r = await press(w, current, next.custom_id!);
    expect(r.callback?.type).toBe(CALLBACK.update);
    expect(isEphemeral(r)).toBe(false);
    current = messageOf(r);
    pages.push(current);
    if (pages.length > 40) throw new Error('Next never ends');
  }
}

describe('the seed profile', () => {
  let overview: Message;

  it('/profile tajikistan, then Next through every page: overview → key interests → relationships', async () => {
    const r = await seed.sim.interact(slash('profile', { actor: 'tajikistan' }, seed.ctx));
    expect(r.callback?.type).toBe(CALLBACK.message);
    overview = messageOf(r);
    expect(embedOf(r).title).toBe('🇹🇯 Tajikistan');

    const pages = await walkForward(seed, overview);
    expect(pages.map((p) => footer(p))).toEqual([
      { label: 'Overview', page: 1, of: 3 },
      { label: 'Key Interests & Priorities', page: 2, of: 3 },
      { label: 'Relationships', page: 3, of: 3 },
    ]);
    for (const [i, page] of pages.entries()) {
      expect(page.embeds?.[0]?.title).toBe('🇹🇯 Tajikistan');
      expect(buttonLabelled(page, `${i + 1} / 3`).disabled).toBe(true);
      expect(buttonLabelled(page, '◀ Previous').disabled).toBe(i === 0);
    }
    const [first, interests, relationships] = pages as [Message, Message, Message];
    expect(first.embeds?.[0]?.description).toMatch(/^Tajikistan and Afghanistan share deep cultural/);
    const interestText = interests.embeds?.[0]?.description ?? '';
    expect(interestText).toMatch(/^\*\*1\\\. Spillover of Insecurity\*\*\n/);
    expect(interestText).toContain('**2\\. Narcotics**');
    expect(interestText).toContain('**3\\. Inclusive Government**');
    const fields = relationships.embeds?.[0]?.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual([
      'Allies (1)',
      'Partners (7)',
      'Rivals (0)',
      'Adversaries (0)',
      'AAOs (5)',
    ]);
    expect(fields[0]?.value).toBe('_Actors it counts as allies._\n🇷🇺 Russia (RUS)');
    expect(fields[2]?.value).toBe('_Actors it counts as rivals._\n_none listed_');
    expect(fields[4]?.value).toMatch(/^_Meaning not given in the source\._\n/);
    // The section button of the page shown is the highlighted, disabled one.
    const current = controlsOf(relationships).filter((c) => c.custom_id?.endsWith(':s') && c.disabled);
    expect(current.map((c) => c.label)).toEqual(['Relationships']);
  });

  it('Previous goes back one page, section buttons jump', async () => {
    const last = await press(seed, overview, 'p1:tajikistan:relationships:1:s');
    expectUpdate(last);
    expect(footer(messageOf(last))).toEqual({ label: 'Relationships', page: 3, of: 3 });

    const back = await press(seed, messageOf(last), buttonLabelled(messageOf(last), '◀ Previous').custom_id!);
    expect(back.callback?.type).toBe(CALLBACK.update);
    expect(footer(messageOf(back))).toEqual({ label: 'Key Interests & Priorities', page: 2, of: 3 });

    const home = await press(seed, messageOf(back), buttonLabelled(messageOf(back), 'Overview').custom_id!);
    expect(home.callback?.type).toBe(CALLBACK.update);
    expect(footer(messageOf(home))).toEqual({ label: 'Overview', page: 1, of: 3 });
    expect(messageOf(home).embeds).toEqual(overview.embeds);
  });

  it('a private profile pages privately', async () => {
    const r = await seed.sim.interact(slash('profile', { actor: 'TJK', private: true }, seed.ctx));
    expect(isEphemeral(r)).toBe(true);
    const next = await press(seed, messageOf(r), buttonLabelled(messageOf(r), 'Next ▶').custom_id!);
    expect(next.callback?.type).toBe(CALLBACK.update);
    expect(footer(messageOf(next)).page).toBe(2);
  });
});

describe('/relations of keeps the source order', () => {
  it('categories as the profile lists them, empty ones included', async () => {
    const r = await paging.sim.interact(slash('relations of', { actor: 'CRV' }, paging.ctx));
    expect(r.callback?.type).toBe(CALLBACK.message);
    expect(embedOf(r).fields?.map((f) => [f.name, f.value])).toEqual([
      ['🔴 Adversaries (1)', '_Actors it counts as adversaries._\nAshfold Brotherhood (ASH)'],
      ['🟢 Partners (1)', '_Actors it works with as partners._\nLothmere (LTH)'],
      ['🟢 Allies (0)', '_Actors it counts as allies._\n_none listed_'],
      ['⚪ AAOs (0)', '_Meaning not given in the source._\n_none listed_'],
      ['🔴 Rivals (0)', '_Actors it counts as rivals._\n_none listed_'],
    ]);
    expect(embedOf(r).image?.url).toBe('attachment://relations-map.png');
  });
});

describe('a profile with many sections', () => {
  let overview: Message;

  it('every page in order, a long section continuing over two pages', async () => {
    const r = await paging.sim.interact(slash('profile', { actor: 'corvenna' }, paging.ctx));
    overview = messageOf(r);
    const pages = await walkForward(paging, overview);
    expect(pages.map((p) => footer(p))).toEqual(
      [
        'Overview',
        'Key Interests & Priorities',
        'Relationships',
        'History',
        'Economy',
        'Military',
        'Diplomacy',
        'Culture',
        'Chronicle (1/2)',
        'Chronicle (2/2)',
      ].map((label, i) => ({ label, page: i + 1, of: 10 })),
    );
    // Categories keep the profile's own order, not the directory's.
    expect(pages[2]?.embeds?.[0]?.fields?.map((f) => f.name)).toEqual([
      'Adversaries (1)',
      'Partners (1)',
      'Allies (0)',
      'AAOs (0)',
      'Rivals (0)',
    ]);
    const [part1, part2] = pages.slice(8).map((p) => p.embeds?.[0]?.description ?? '');
    expect(part1).toMatch(/^\*\*Chronicle\*\*\nIn year 1 of the chronicle/);
    expect(part2).toMatch(/^\*\*Chronicle\*\*\n/);
    expect(part2).toContain('In year 24 of the chronicle');
    // Nothing is lost between the two parts.
    const years = `${part1}\n${part2}`.match(/In year \d+ of/g) ?? [];
    expect(years).toHaveLength(24);
    for (const page of pages)
      expect([...(page.embeds?.[0]?.description ?? '')].length).toBeLessThanOrEqual(4096);
  });

  it('with more than five sections, a select menu jumps to any of them', async () => {
    const menu = controlsOf(overview).find((c) => c.type === 3);
    expect(menu?.custom_id).toBe('j1:corvenna');
    expect(menu?.options?.map((o) => o.value)).toEqual([
      'overview',
      'interests',
      'relationships',
      'section-0',
      'section-1',
      'section-2',
      'section-3',
      'section-4',
      'section-5',
    ]);
    expect(menu?.options?.find((o) => o.default)?.value).toBe('overview');

    const r = await choose(paging, overview, 'j1:corvenna', 'section-3');
    expect(r.callback?.type).toBe(CALLBACK.update);
    const diplomacy = messageOf(r);
    expect(footer(diplomacy)).toEqual({ label: 'Diplomacy', page: 7, of: 10 });
    expect(diplomacy.embeds?.[0]?.description).toBe(
      '**Diplomacy**\nCorvenna sends envoys to Lothmere every spring to renew the ferry agreements.',
    );
    expect(
      controlsOf(diplomacy)
        .find((c) => c.type === 3)
        ?.options?.find((o) => o.default)?.value,
    ).toBe('section-3');

    const back = await press(paging, diplomacy, buttonLabelled(diplomacy, '◀ Previous').custom_id!);
    expect(footer(messageOf(back))).toEqual({ label: 'Military', page: 6, of: 10 });
  });

  it('a page that no longer exists falls back to the overview and says so', async () => {
    const r = await choose(paging, overview, 'j1:corvenna', 'section-42');
    expect(r.callback?.type).toBe(CALLBACK.update);
    expect(messageOf(r).content).toBe(
      '-# That page no longer exists (the profile changed); here is the overview.',
    );
    expect(footer(messageOf(r))).toEqual({ label: 'Overview', page: 1, of: 10 });

    const beyond = await press(paging, overview, 'p1:corvenna:section-5:9:n');
    expect(footer(messageOf(beyond))).toEqual({ label: 'Chronicle (2/2)', page: 10, of: 10 });
  });
});
