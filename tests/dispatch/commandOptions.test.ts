// Options declared once: the schema and the type derived from a command's Discord declaration.
import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AUDIENCE_OPTIONS } from '../../commands/shared.ts';
import { commandOptions } from '../../src/dispatch/commandOptions.ts';

const flat = commandOptions({
  name: 'flat',
  description: 'A command without subcommands',
  options: [
    { type: T.String, name: 'query', description: 'q', required: true, max_length: 5 },
    {
      type: T.String,
      name: 'kind',
      description: 'k',
      choices: [
        { name: 'A', value: 'a' },
        { name: 'B', value: 'b' },
      ],
    },
    { type: T.Integer, name: 'count', description: 'c', min_value: 1, max_value: 25 },
    ...AUDIENCE_OPTIONS,
  ],
});

const nested = commandOptions({
  name: 'nested',
  description: 'A command with subcommands',
  options: [
    {
      type: T.Subcommand,
      name: 'one',
      description: '1',
      options: [{ type: T.String, name: 'actor', description: 'a', required: true }],
    },
    { type: T.Subcommand, name: 'none', description: 'no options' },
  ],
});

describe('options derived from the declaration', () => {
  it('cuts text to its declared length, defaults an optional boolean to false, leaves others absent', () => {
    const o = flat.parse({ options: { query: 'abcdefgh' } });
    expect(o).toEqual({ query: 'abcde', private: false });
    expectTypeOf(o).toEqualTypeOf<{
      query: string;
      kind?: 'a' | 'b';
      count?: number;
      private: boolean;
      mention?: string;
    }>();
  });

  it('brings numbers into their declared range and keeps only declared choices', () => {
    expect(flat.parse({ options: { query: 'x', count: 99 } }).count).toBe(25);
    expect(flat.parse({ options: { query: 'x', count: -3 } }).count).toBe(1);
    expect(() => flat.parse({ options: { query: 'x', count: 1.5 } })).toThrow();
    expect(flat.parse({ options: { query: 'x', kind: 'b' } }).kind).toBe('b');
    expect(() => flat.parse({ options: { query: 'x', kind: 'c' } })).toThrow();
  });

  it('refuses a missing required option, a wrong type and a user that is not a snowflake', () => {
    expect(() => flat.parse({ options: {} })).toThrow();
    expect(() => flat.parse({ options: { query: 'x', private: 'yes' } })).toThrow();
    expect(() => flat.parse({ options: { query: 'x', mention: '@someone' } })).toThrow();
    expect(flat.parse({ options: { query: 'x', mention: '100000000000000042' } }).mention).toBe(
      '100000000000000042',
    );
  });

  it('parses a subcommand’s own options, keyed by the subcommand', () => {
    const o = nested.parse({ subcommand: 'one', options: { actor: 'kesh', other: 'dropped' } });
    expect(o).toEqual({ subcommand: 'one', actor: 'kesh' });
    expect(nested.parse({ subcommand: 'none', options: {} })).toEqual({ subcommand: 'none' });
    expectTypeOf(o).toEqualTypeOf<{ subcommand: 'one'; actor: string } | { subcommand: 'none' }>();
    expect(() => nested.parse({ subcommand: 'two', options: {} })).toThrow('unknown /nested subcommand two');
    expect(() => nested.parse({ options: {} })).toThrow('unknown /nested subcommand undefined');
  });

  it('refuses subcommand groups when the command is declared, not when a user runs it', () => {
    expect(() =>
      commandOptions({
        name: 'grouped',
        options: [{ type: T.SubcommandGroup, name: 'g', description: 'g', options: [] }],
      }),
    ).toThrow(/subcommand groups/);
  });

  it('registers exactly the declaration', () => {
    expect(flat.definition.options?.map((o) => o.name)).toEqual([
      'query',
      'kind',
      'count',
      'private',
      'mention',
    ]);
  });
});
