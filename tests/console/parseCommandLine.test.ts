// Typed command lines become the same requests the bot builds from Discord interactions.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { parseCommandLine, tokenize } from '../../src/console/parseCommandLine.ts';
import type { Requester } from '../../src/dispatch/request.ts';

const who: Requester = {
  user: { id: '100000000000000000', name: 'tester' },
  guildId: '100000000000000001',
  channel: null,
};
const parse = (line: string) => parseCommandLine(line, COMMANDS, who);

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
  it('reads positional actors one word each', () => {
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
