// The search reply for any query, hostile ones included (mass mentions, role mentions, markdown, 6,000-character
// strings), over generated profiles full of markdown and mixed scripts: always within limits, never pinging, and
// the query echoed back never holds a live @everyone / @here or mention.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchCommand } from '../../commands/search.ts';
import type { Response } from '../../src/dispatch/response.ts';
import { buildEngine } from '../../src/engine.ts';
import { message } from '../../src/render/reply.ts';
import { noProfileToSearchEmbed, searchEmbed } from '../../src/render/searchReply.ts';
import { commandRequest, contextOf, loadFixtureEngine, makeCorpus } from '../engine/corpora.ts';
import { PIECES, textOf, world } from './arbitraries.ts';
import { replyViolations } from './limitsChecker.ts';

const HOSTILE = [
  '@everyone',
  '@here',
  '@everyone @here heroin',
  '<@&1234567890123456789>',
  '<@123456789012345678> <#123456789012345678>',
  '@\u200Beveryone',
  '@@everyone',
  '@*everyone*',
  '@\\everyone',
  '`@everyone`',
  '**@everyone**',
  '||@here||',
  'https://discord.gg/abc @everyone',
  '@everyone'.repeat(700),
  'x'.repeat(6000),
  `${'salt '.repeat(1200)}`,
  '',
  '   ',
  '\\',
  '*'.repeat(300),
];

const hostileQuery = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.constantFrom(...PIECES),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  textOf(1, 6000),
  fc.array(fc.constantFrom(...HOSTILE.slice(0, 13), ...PIECES), { maxLength: 40 }).map((ws) => ws.join(' ')),
);

/** A live mass mention or mention: `@everyone` / `@here` as such, or `<@` not escaped by a backslash. */
const LIVE_MENTION = /@(everyone|here)|(?<!\\)<@/i;

describe('search reply, any query', () => {
  it('within limits, inert, over generated profiles', async () => {
    await fc.assert(
      fc.asyncProperty(
        world({ maxCodes: 20, maxInterests: 8 }),
        fc.array(hostileQuery, { minLength: 1, maxLength: 4 }),
        async (w, queries) => {
          const engine = await buildEngine(makeCorpus(w.spec));
          // Words of the profile itself, so that there are hits with snippets too.
          const own = w.profile.interests?.items.map((i) => i.title) ?? [];
          for (const query of [...queries, ...own.slice(0, 2)]) {
            const result = engine.sections.search(query.slice(0, 200));
            const embed = searchEmbed(engine.corpus, query, result);
            const reply = message({ embeds: [embed] });
            expect(replyViolations(reply), JSON.stringify(query.slice(0, 80))).toEqual([]);
            expect(embed.title ?? '').not.toMatch(LIVE_MENTION);
            const echoed = (embed.description ?? '').split('\n')[0]!;
            if (result.hits.length === 0) expect(echoed).not.toMatch(LIVE_MENTION);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the /search command: within limits, inert, for every hostile query', async () => {
    const engine = await loadFixtureEngine();
    const ctx = contextOf(engine);
    fc.assert(
      fc.property(hostileQuery, fc.boolean(), (query, mention) => {
        const response = searchCommand.run(
          commandRequest('search', { query, ...(mention ? { mention: '100000000000000042' } : {}) }),
          ctx,
        ) as Response;
        if (response.type === 'choices') throw new Error('expected a message');
        expect(replyViolations(response.reply)).toEqual([]);
        const embed = response.reply.data.embeds![0]!;
        expect(embed.title ?? '').not.toMatch(LIVE_MENTION);
        if (embed.description?.startsWith('No section matches'))
          expect(embed.description).not.toMatch(LIVE_MENTION);
        // The one user pointed at on purpose is the only mention, and allowed_mentions names just them.
        expect(response.reply.data.content ?? '').not.toMatch(/@(everyone|here)/i);
      }),
      { numRuns: 150 },
    );
  });

  it('a query naming @everyone is echoed with the mention broken', async () => {
    const engine = await buildEngine(makeCorpus({ actors: [] }));
    const embed = searchEmbed(
      engine.corpus,
      '@everyone <@&1234567890123456789>',
      engine.sections.search('@everyone'),
    );
    expect(embed.description).toContain('@\u200Beveryone');
    expect(embed.description).toContain('\\<@&1234567890123456789\\>');
    expect(embed.title).toContain('@\u200Beveryone');
  });

  it('a section with a heading and no text, found by its heading, still has a field value', async () => {
    const engine = await buildEngine(
      makeCorpus({
        actors: [{ code: 'VSR', name: 'Vessaria', profile: 'vessaria' }],
        profiles: [
          { id: 'vessaria', name: 'Vessaria', interests: { items: [{ title: 'Lighthouses', body: [] }] } },
        ],
      }),
    );
    const result = engine.sections.search('lighthouses');
    expect(result.hits.map((h) => h.section.id)).toEqual(['vessaria:interest-1']);
    const reply = message({ embeds: [searchEmbed(engine.corpus, 'lighthouses', result)] });
    expect(replyViolations(reply)).toEqual([]);
  });

  it('a markdown-heavy profile name and title stay within the field name limit once escaped', async () => {
    const name = '_*'.repeat(60);
    const engine = await buildEngine(
      makeCorpus({
        actors: [{ code: 'VSR', name: 'Vessaria', profile: 'vessaria' }],
        profiles: [
          {
            id: 'vessaria',
            name,
            interests: {
              items: [{ title: `Lighthouses ${'[x]'.repeat(60)}`, body: ['Lamps and keepers.'] }],
            },
          },
        ],
      }),
    );
    const result = engine.sections.search('lighthouses');
    const embed = searchEmbed(engine.corpus, 'lighthouses', result);
    expect(replyViolations(message({ embeds: [embed] }))).toEqual([]);
    expect(embed.fields![0]!.name.startsWith('\\_\\*\\_\\*')).toBe(true);
  });

  it('the no-profile reply stays within limits and inert for any name and query', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), fc.constantFrom(...HOSTILE), (name, query) => {
        const embed = noProfileToSearchEmbed(query, name);
        expect(replyViolations(message({ embeds: [embed] }))).toEqual([]);
      }),
    );
  });
});
