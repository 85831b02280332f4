// Full-text search over a fictional corpus: field boosts, prefix and fuzzy terms, AND then OR, profile filter,
// team ranking, suggestions; and snippets (the window, the bold words, the ellipses) as the reply shows them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchCommand } from '../../commands/search.ts';
import type { Response } from '../../src/dispatch/response.ts';
import { unescapeMarkdown } from '../../src/render/escape.ts';
import { searchEmbed } from '../../src/render/searchReply.ts';
import { normalizeKey } from '../../src/search/normalize.ts';
import { MAX_SUGGESTIONS } from '../../src/search/sectionIndex.ts';
import { makeSnippet } from '../../src/search/snippet.ts';
import { stemWord } from '../../src/search/stem.ts';
import { expectWithinLimits } from '../render/limitsChecker.ts';
import { commandRequest, contextOf, makeEngine } from './corpora.ts';

const FILLER =
  'The council met in the old granary and argued about the harvest, the roads and the price of lamp oil. ';

const engine = await makeEngine({
  actors: [
    { code: 'VSR', name: 'Vessaria', profile: 'vessaria', aliases: ['Lake Republic'] },
    { code: 'KDR', name: 'Kadros', profile: 'kadros', aliases: ['Kadrosi Federation'] },
    { code: 'OSL', name: 'Osland', profile: 'osland' },
  ],
  teams: [{ channel: '900000000000000777', ref: 'OSL' }],
  profiles: [
    {
      id: 'vessaria',
      name: 'Vessaria',
      summary: ['Vessaria is an invented lake republic whose ferries cross the inland sea.'],
      interests: {
        items: [
          {
            title: 'Saltpetre Smuggling',
            body: ['Contraband crosses the marsh at night, and the navy patrols the estuary.'],
          },
          { title: 'Ferry Tolls', body: ['Tolls on the ferries pay for the lighthouses.'] },
        ],
      },
      relationships: { categories: [{ name: 'Rivals', codes: ['KDR'] }] },
      sections: [
        { heading: 'Fisheries', paragraphs: ['Fishing quotas on the inland sea are disputed every spring.'] },
      ],
    },
    {
      id: 'kadros',
      name: 'Kadros',
      summary: [`${FILLER.repeat(3)}Its miners sell saltpetre to distant ports. ${FILLER.repeat(3)}`],
      interests: {
        items: [{ title: 'Mountain Passes', body: ['The passes close in winter; the garrison waits.'] }],
      },
      relationships: { categories: [{ name: 'Partners', codes: ['VSR', 'OSL'] }] },
    },
    {
      id: 'osland',
      name: 'Osland',
      summary: ['Osland is an invented island kingdom of fishers.'],
      sections: [
        { heading: 'Fisheries', paragraphs: ['Fishing quotas on the inland sea are disputed every spring.'] },
      ],
    },
  ],
});
const search = engine.sections.search.bind(engine.sections);
const ids = (r: ReturnType<typeof search>) => r.hits.map((h) => h.section.id);

describe('ranking', () => {
  it('a word in a title outranks the same word in a body', () => {
    const r = search('saltpetre');
    expect(ids(r)).toEqual(['vessaria:interest-1', 'kadros:summary']);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
  });

  it('a name or alias finds the profile’s sections (the actor field)', () => {
    const r = search('Kadrosi Federation');
    const kadros = ['kadros:summary', 'kadros:interest-1', 'kadros:relationships'];
    expect(ids(r).slice(0, 3).sort()).toEqual(kadros.sort());
    // Vessaria's relationships list KDR, and the listing is searched by the listed actor's names.
    expect(ids(r).slice(3)).toEqual(['vessaria:relationships']);
  });

  it('codes in the relationships block are searched by the listed actor’s name', () => {
    expect(ids(search('Kadros', { profileId: 'vessaria' }))).toContain('vessaria:relationships');
  });
});

describe('terms', () => {
  it('a word of 4 or more letters is also a prefix', () => {
    const r = search('smugg');
    expect(ids(r)[0]).toBe('vessaria:interest-1');
    // Terms are the index's: stems, which the snippet matches back to the words of the text.
    expect(r.hits[0]!.terms).toContain(stemWord('smuggling'));
  });

  it('shorter words are not expanded, nor fuzzy', () => {
    expect(search('smu').hits).toEqual([]);
    expect(search('fer').hits).toEqual([]);
  });

  it('a misspelt word still finds its section', () => {
    for (const typo of ['smugling', 'smuggeling', 'contrabnd']) {
      const r = search(typo);
      expect(ids(r)[0], typo).toBe('vessaria:interest-1');
      expect(r.mode).toBe('AND');
    }
  });

  it('stop words and case do not change the result', () => {
    expect(ids(search('the SALTPETRE of'))).toEqual(ids(search('saltpetre')));
  });
});

describe('fuzzy matching is for words no section holds', async () => {
  const harbours = await makeEngine({
    actors: [
      { code: 'ALP', name: 'Alpenmark', profile: 'alpenmark' },
      { code: 'BRN', name: 'Brennland', profile: 'brennland' },
    ],
    profiles: [
      { id: 'alpenmark', name: 'Alpenmark', summary: ['The harbour gate of Alpenmark opens at dawn.'] },
      { id: 'brennland', name: 'Brennland', summary: ['A harbor fence runs along the quay of Brennland.'] },
    ],
  });
  const find = harbours.sections.search.bind(harbours.sections);

  it('a word that occurs is taken as meant: two that never meet go to any word, not to its neighbours', () => {
    const r = find('harbour fence');
    expect(r.mode).toBe('OR');
    expect(r.hits.map((h) => h.section.id).sort()).toEqual(['alpenmark:summary', 'brennland:summary']);
  });

  it('a word no section holds is a misspelling, and every word must still match', () => {
    const r = find('harbourr fence');
    expect(r.mode).toBe('AND');
    expect(r.hits.map((h) => h.section.id)).toEqual(['brennland:summary']);
  });
});

describe('AND, then OR', () => {
  it('every word must match while some section has them all', () => {
    const r = search('contraband estuary');
    expect(r.mode).toBe('AND');
    expect(ids(r)).toEqual(['vessaria:interest-1']);
    expect(r.hits[0]!.terms).toEqual(expect.arrayContaining(['contraband', 'estuary'].map(stemWord)));
  });

  it('when no section has every word, any word will do, and the reply says so', () => {
    const r = search('saltpetre volcano');
    expect(r.mode).toBe('OR');
    expect(ids(r)).toEqual(['vessaria:interest-1', 'kadros:summary']);
    const embed = searchEmbed(engine.corpus, 'saltpetre volcano', r);
    expect(embed.description).toContain('No section has every word');
  });

  it('total counts every matching section; hits stop at the limit', () => {
    const r = search('quotas', { limit: 1 });
    expect(r.hits.length).toBe(1);
    expect(r.total).toBe(2);
    expect(searchEmbed(engine.corpus, 'quotas', r).description).toBe(
      '2 sections match; the best 1 are shown.',
    );
  });
});

describe('scope and team ranking', () => {
  it('profileId keeps only that profile’s sections', () => {
    expect(ids(search('saltpetre', { profileId: 'kadros' }))).toEqual(['kadros:summary']);
    expect(search('contraband', { profileId: 'osland' }).hits).toEqual([]);
  });

  it('a favoured profile’s section ranks first among equals, either way round', () => {
    expect(ids(search('fishing quotas', { favourProfileId: 'osland' }))[0]).toBe('osland:section-0');
    expect(ids(search('fishing quotas', { favourProfileId: 'vessaria' }))[0]).toBe('vessaria:section-0');
    expect(ids(search('fishing quotas', { favourProfileId: 'osland' })).length).toBe(2);
  });

  it('/search in a team channel ranks the team’s profile first and says so', () => {
    const ctx = contextOf(engine);
    for (const [channelId, channelName, first] of [
      ['900000000000000777', 'harbour-desk', 'Osland'],
      ['900000000000000778', 'team-vessaria', 'Vessaria'],
    ] as const) {
      const response = searchCommand.run(
        commandRequest('search', { query: 'fishing quotas' }, { channelId, channelName }),
        ctx,
      ) as Response;
      expectWithinLimits(response, channelName);
      if (response.type === 'choices') throw new Error('expected a message');
      expect(response.reply.data.embeds![0]!.fields![0]!.name).toBe(`${first} › Fisheries`);
      expect(response.reply.data.content).toContain('Team profile ranked first');
    }
  });

  it('/search with an actor option searches only that profile', () => {
    const response = searchCommand.run(
      commandRequest('search', { query: 'saltpetre', actor: 'KDR' }),
      contextOf(engine),
    ) as Response;
    if (response.type === 'choices') throw new Error('expected a message');
    const embed = response.reply.data.embeds![0]!;
    expect(embed.fields!.map((f) => f.name)).toEqual(['Kadros › Profile']);
    expect(embed.description).toContain("in Kadros's profile");
  });
});

describe('suggestions', () => {
  it('a word that finds nothing suggests close words that would', () => {
    const r = search('fihsing');
    expect(r.hits).toEqual([]);
    expect(r.suggestions).toContain('fishing');
    expect(r.suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
    const embed = searchEmbed(engine.corpus, 'fihsing', r);
    expect(embed.description).toContain('Did you mean `fishing`');
  });

  it('no suggestion repeats the query; none at all when there are hits', () => {
    expect(search('saltpetre').suggestions).toEqual([]);
    expect(search('qqqqzzzz').suggestions).toEqual([]);
  });
});

describe('snippets', () => {
  const LONG = `${FILLER.repeat(8)}Its miners sell saltpetre to distant ports. ${FILLER.repeat(8)}`;

  it('a short text is shown whole, its matched words marked', () => {
    const text = 'Contraband crosses the marsh at night, and the navy patrols the estuary.';
    const s = makeSnippet(text, ['contraband', 'estuary'], 300);
    expect(s.before).toBe(false);
    expect(s.after).toBe(false);
    expect(s.parts.map((p) => p.text).join('')).toBe(text);
    expect(s.parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Contraband', 'estuary']);
  });

  it('a long text is cut to a window around the match, with both ends marked as cut', () => {
    const s = makeSnippet(LONG, ['saltpetre'], 300);
    const shown = s.parts.map((p) => p.text).join('');
    expect(shown.length).toBeLessThanOrEqual(300);
    expect(LONG).toContain(shown);
    expect(s.before).toBe(true);
    expect(s.after).toBe(true);
    expect(s.parts.filter((p) => p.match).map((p) => p.text)).toEqual(['saltpetre']);
    // The window opens a few words before the match, so it reads in context.
    expect(shown.indexOf('saltpetre')).toBeGreaterThan(0);
    expect(shown.indexOf('saltpetre')).toBeLessThan(60);
  });

  it('text before the first word never pushes the match out of the window', () => {
    const s = makeSnippet('« Ferry       saltpetre', ['salt'], 22);
    expect(s.parts.filter((p) => p.match).map((p) => p.text)).toEqual(['saltpetre']);
  });

  it('a prefix term marks the whole word it starts', () => {
    const s = makeSnippet('Smuggling and smugglers both.', ['smugg'], 300);
    expect(s.parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Smuggling', 'smugglers']);
  });

  it('in the reply: matched words in bold, an ellipsis where text was cut', () => {
    const r = search('saltpetre', { profileId: 'kadros' });
    const embed = searchEmbed(engine.corpus, 'saltpetre', r);
    const value = embed.fields![0]!.value;
    expect(value.startsWith('…')).toBe(true);
    expect(value.endsWith('…')).toBe(true);
    expect([...value.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1])).toEqual(['saltpetre']);
  });

  it('property: the window is a piece of the text, within the size, every matched word bold and only those', () => {
    const vocabulary = [
      'salt',
      'saltpetre',
      'Ferry',
      'ferries',
      'lake',
      'Émigré',
      '湖',
      'مرفأ',
      '🦆',
      'x-ray',
      "port's",
    ];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 8 })), { maxLength: 300 })
      .map((ws) => ws.join(' '));
    const terms = fc.uniqueArray(
      fc.constantFrom(...vocabulary).map((w) => normalizeKey(w).replace(/ /g, '')),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(text, terms, fc.integer({ min: 20, max: 400 }), (t, ts, max) => {
        const s = makeSnippet(t, ts, max);
        const shown = s.parts.map((p) => p.text).join('');
        expect(t).toContain(shown);
        if (t.length > max) expect(shown.length).toBeLessThanOrEqual(max);
        else expect(shown).toBe(t);
        const start = s.before ? t.indexOf(shown, 1) : 0;
        expect(s.before).toBe(start > 0);
        if (!s.before) expect(s.after).toBe(shown.length < t.length);
        const isMatch = (w: string) => {
          const key = normalizeKey(w).replace(/ /g, '');
          return ts.some((term) => key === term || (term.length >= 3 && key.startsWith(term)));
        };
        for (const p of s.parts) {
          const words = p.text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
          if (p.match) {
            expect(words).toEqual([p.text]);
            expect(isMatch(p.text)).toBe(true);
          }
        }
        const bold = s.parts.filter((p) => p.match).length;
        // When any word of the text matches and fits a window, the window shows at least one.
        const all = t.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
        if (all.some((w) => isMatch(w) && w.length <= max)) expect(bold).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('snippet matches', () => {
  it('property: a word is bold exactly when its form, a prefix of it, or its stem is a matched term', () => {
    // Inflected words whose stems lose or change letters (dying → die, skies → sky, hoping → hope).
    const vocabulary = [
      'dying',
      'die',
      'lying',
      'lies',
      'tying',
      'ties',
      'skies',
      'sky',
      'hoping',
      'hopping',
      'hope',
      'ferries',
      'ferry',
      'smuggling',
      'smugglers',
      'Smuggled',
      'generously',
      'early',
      'only',
      'news',
      'luxuriating',
      'cried',
      'crying',
      'agreed',
      'Émigré',
      'x-ray',
      "port's",
      'salt',
      'saltpetre',
      '湖',
    ];
    const text = fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }).map((ws) => ws.join(' '));
    const terms = fc.uniqueArray(
      fc.constantFrom(...vocabulary).map((w) => stemWord(normalizeKey(w).replace(/ /g, ''))),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(text, terms, (t, ts) => {
        const bold = makeSnippet(t, ts, 10_000)
          .parts.filter((p) => p.match)
          .map((p) => p.text);
        const expected = (t.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).filter((w) => {
          const key = normalizeKey(w).replace(/ /g, '');
          return (
            ts.some((term) => key === term || (term.length >= 3 && key.startsWith(term))) ||
            ts.includes(stemWord(key))
          );
        });
        expect(bold).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('every stem keeps all but at most the last two letters of its word', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{1,9}$/),
        fc.constantFrom(
          '',
          'ing',
          'ed',
          'ies',
          'ied',
          'y',
          'ly',
          'ness',
          'ational',
          'ation',
          'izer',
          'ful',
          's',
        ),
        (root, suffix) => {
          const word = root + suffix;
          expect(word.startsWith(stemWord(word).slice(0, -2))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the search reply within limits', () => {
  it('every query here answers within every limit', () => {
    const ctx = contextOf(engine);
    for (const query of ['saltpetre', 'saltpetre volcano', 'fihsing', 'inland', 'the', '***', '']) {
      const response = searchCommand.run(commandRequest('search', { query }), ctx) as Response;
      expectWithinLimits(response, query);
      if (response.type === 'choices') throw new Error('expected a message');
      for (const f of response.reply.data.embeds![0]!.fields ?? []) {
        for (const [, bold] of f.value.matchAll(/\*\*(.+?)\*\*/g))
          expect(normalizeKey(unescapeMarkdown(bold!)).length).toBeGreaterThan(0);
      }
    }
  });
});
