// Typed command lines become the same requests the bot builds from Discord interactions.
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { actorNames } from '../../src/console/console.ts';
import { type ActorNames, parseCommandLine, tokenize } from '../../src/console/parseCommandLine.ts';
import type { Requester } from '../../src/dispatch/request.ts';
import { loadSeedEngine } from '../engine/corpora.ts';

const who: Requester = {
  user: { id: '100000000000000000', name: 'tester' },
  guildId: '100000000000000001',
  channel: null,
};
let seedNames: ActorNames;
beforeAll(async () => {
  seedNames = actorNames((await loadSeedEngine()).actors);
});
const parse = (line: string, names: ActorNames | undefined = seedNames) =>
  parseCommandLine(line, COMMANDS, who, names);
const optionsOf = (line: string, names?: ActorNames) => {
  const r = parse(line, names);
  if (!r.ok) throw new Error(r.error);
  return r.request.options;
};

describe('tokenize', () => {
  it('keeps quoted text and name:"quoted text" together', () => {
    expect(tokenize('/relations of "Islamic Republic of Iran" category:"Allies"')).toEqual([
      '/relations',
      'of',
      'Islamic Republic of Iran',
      'category:Allies',
    ]);
  });
});

describe('parseCommandLine', () => {
  it('splits two actor names typed one after the other', () => {
    const r = parse('/relations between tajikistan russia');
    expect(r).toMatchObject({
      ok: true,
      request: {
        kind: 'command',
        command: 'relations',
        subcommand: 'between',
        options: { actor: 'tajikistan', other: 'russia' },
      },
    });
  });

  it('fills the first free text option with unquoted words, up to a name:value word', () => {
    expect(optionsOf('/profile Islamic Republic of Iran')).toEqual({ actor: 'Islamic Republic of Iran' });
    expect(optionsOf('/relations of islamic republic of iran category:Allies')).toEqual({
      actor: 'islamic republic of iran',
      category: 'Allies',
    });
    expect(optionsOf('/search opium routes into russia actor:tajikistan private:true')).toEqual({
      query: 'opium routes into russia',
      actor: 'tajikistan',
      private: true,
    });
    expect(optionsOf('/profile section:interests the islamic republic of iran')).toEqual({
      section: 'interests',
      actor: 'the islamic republic of iran',
    });
  });

  it('splits a run between two actor options where both names resolve', () => {
    expect(optionsOf('/relations between tajikistan islamic republic of iran')).toEqual({
      actor: 'tajikistan',
      other: 'islamic republic of iran',
    });
    expect(optionsOf("/relations between people's republic of china united states private:true")).toEqual({
      actor: "people's republic of china",
      other: 'united states',
      private: true,
    });
    expect(optionsOf('/relations between "Islamic Republic of Iran" TJK')).toEqual({
      actor: 'Islamic Republic of Iran',
      other: 'TJK',
    });
    // One name alone fills the first: in a team channel the other side is the team's actor.
    expect(optionsOf('/relations between islamic republic of iran')).toEqual({
      actor: 'islamic republic of iran',
    });
    // Two words part one way only: the command itself then says which name it does not know.
    expect(optionsOf('/relations between tajikistan narnia')).toEqual({
      actor: 'tajikistan',
      other: 'narnia',
    });
  });

  it('says so, with the quoted form, when no split or several splits name two actors', () => {
    expect(parse('/relations between tajikistan narnia land')).toEqual({
      ok: false,
      error:
        '“tajikistan narnia land” does not split into two actor names that Dossier knows. Quote each name: ' +
        '/relations between "first actor" "second actor".',
    });
    const known = new Set(['north', 'north sea', 'sea league', 'league']);
    const names: ActorNames = {
      takesName: (o) => o.name === 'actor' || o.name === 'other',
      resolve: (text) => (known.has(text) ? 'exact' : null),
    };
    expect(parse('/relations between north sea league', names)).toEqual({
      ok: false,
      error:
        '“north sea league” splits into two actor names more than one way: /relations between "north" "sea league" ' +
        'or /relations between "north sea" "league". Type the one you mean, with the names quoted.',
    });
    // An exact pair wins over one that only resolves by a near match.
    const exactly = new Set(['north', 'sea league']);
    const nearly: ActorNames = { ...names, resolve: (text) => (exactly.has(text) ? 'exact' : 'found') };
    expect(optionsOf('/relations between north sea league', nearly)).toEqual({
      actor: 'north',
      other: 'sea league',
    });
  });

  it('never splits without the actor index to check names against', () => {
    expect(parseCommandLine('/relations between tajikistan russia', COMMANDS, who)).toMatchObject({
      ok: true,
      request: { options: { actor: 'tajikistan russia' } },
    });
  });

  it('gives a free-text option every remaining word', () => {
    const r = parse('/search heroin trafficking routes');
    expect(r).toMatchObject({
      ok: true,
      request: { command: 'search', options: { query: 'heroin trafficking routes' } },
    });
  });

  it('reads name:value options with their types', () => {
    const r = parse('/profile actor:kesh section:interests private:true mention:<@123456789012345678>');
    expect(r).toMatchObject({
      ok: true,
      request: {
        options: { actor: 'kesh', section: 'interests', private: true, mention: '123456789012345678' },
      },
    });
  });

  it('works without the leading slash and in any case for the command', () => {
    expect(parse('PROFILE valdoria')).toMatchObject({
      ok: true,
      request: { command: 'profile', options: { actor: 'valdoria' } },
    });
  });

  it('says what is wrong instead of guessing', () => {
    expect(parse('')).toMatchObject({ ok: false });
    expect(parse('/nosuch')).toEqual({ ok: false, error: expect.stringContaining('No command /nosuch') });
    expect(parse('/relations sideways x')).toEqual({
      ok: false,
      error: expect.stringContaining('of, toward, between'),
    });
    expect(parse('/search')).toEqual({ ok: false, error: '/search needs query.' });
    expect(parse('/profile private:maybe')).toEqual({
      ok: false,
      error: expect.stringContaining('true or false'),
    });
    expect(parse('/help extra words')).toEqual({
      ok: false,
      error: expect.stringContaining('Did not understand'),
    });
  });

  it('does not offer context-menu commands as typed commands', () => {
    expect(parse('/Find actors')).toMatchObject({ ok: false });
  });
});

describe('tab completion', () => {
  it('completes command names, then actors through the autocomplete', async () => {
    const { complete } = await import('../../src/console/console.ts');
    const { EngineHolder } = await import('../../src/runtime/engineHolder.ts');
    const { Dispatcher } = await import('../../src/dispatch/dispatcher.ts');
    const { createLogger } = await import('../../src/log/logger.ts');
    const logger = createLogger({ level: 'silent' });
    const holder = await EngineHolder.load('data', logger);
    const dispatcher = new Dispatcher({
      commands: COMMANDS,
      context: () => ({ engine: holder.engine, status: holder.status }),
      logger,
    });
    const corpus = () => holder.engine.corpus;
    expect(await complete('/pro', dispatcher, who, corpus)).toEqual([['/profile'], '/pro']);
    expect(await complete('/profile taj', dispatcher, who, corpus)).toEqual([['tajikistan'], 'taj']);
    expect(await complete('/relations between tajikistan actor:rus', dispatcher, who, corpus)).toEqual([
      ['actor:rus'],
      'actor:rus',
    ]);
  });
});
