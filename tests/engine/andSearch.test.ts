// The AND search that scores only the sections holding every word must answer exactly as MiniSearch's own AND
// search does: the same sections, in the same order, with the same scores and matched terms. Documents and
// queries are drawn from a small vocabulary so words repeat, share prefixes and come as plurals.
import fc from 'fast-check';
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { andSearch, compareHits } from '../../src/search/andSearch.ts';
import { processTerm } from '../../src/search/normalize.ts';

const VOCABULARY = [
  'harbour',
  'harbours',
  'harbourmaster',
  'salt',
  'saltpetre',
  'ferry',
  'ferries',
  'ferryman',
  'tolls',
  'toll',
  'river',
  'rivers',
  'riverbank',
  'grain',
  'granary',
  'the',
  'of',
  'Ölmark',
  'olmark',
  '2024',
  'mine',
  'miners',
];
const FIELDS = ['title', 'text', 'actor'] as const;
const BOOST = { title: 3, text: 1, actor: 2 };
const PREFIX = (t: string) => t.length >= 4;

type Doc = { id: string; profileId: string; title: string; text: string; actor: string };

const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...VOCABULARY), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const docs = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 0, max: 400 }).map((n) => `p${n % 7}:s${n}`),
    title: words(0, 3),
    text: words(0, 25),
    actor: words(0, 2),
  }),
  { selector: (d) => d.id, minLength: 1, maxLength: 60 },
);
const withSingular = (w: string): Query =>
  w.length >= 4 && w.endsWith('s') ? { combineWith: 'OR', queries: [w, w.slice(0, -1)] } : w;
const query = fc
  .array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 4 })
  .map((ws) => ws.map((w) => processTerm(w)).filter((w): w is string => w !== null))
  .filter((ws) => ws.length > 0);

function index(list: Omit<Doc, 'profileId'>[]): MiniSearch<Doc> {
  const mini = new MiniSearch<Doc>({ fields: [...FIELDS], storeFields: ['profileId'], processTerm });
  mini.addAll(list.map((d) => ({ ...d, profileId: d.id.split(':')[0]! })));
  return mini;
}

describe('andSearch', () => {
  it('answers as MiniSearch does: ids, order, scores, matched terms and total', () => {
    fc.assert(
      fc.property(
        docs,
        query,
        fc.option(fc.integer({ min: 0, max: 6 })),
        fc.option(fc.integer({ min: 0, max: 6 })),
        (list, ws, favour, only) => {
          const mini = index(list);
          const queries = ws.map(withSingular);
          const favourId = favour === null ? undefined : `p${favour}`;
          const onlyId = only === null ? undefined : `p${only}`;
          const expected = mini
            .search(
              { combineWith: 'AND', queries },
              {
                boost: BOOST,
                prefix: PREFIX,
                fuzzy: false,
                boostDocument: favourId
                  ? (_id, _t, stored) => (stored?.profileId === favourId ? 3 : 1)
                  : undefined,
                filter: onlyId ? (r: SearchResult) => r.profileId === onlyId : undefined,
              },
            )
            .sort((a, b) => compareHits(a.score, String(a.id), b.score, String(b.id)));
          const got = andSearch(mini, queries, {
            boost: BOOST,
            prefix: PREFIX,
            boostDocument: favourId ? (s) => (s?.profileId === favourId ? 3 : 1) : undefined,
            filter: onlyId ? (s) => s?.profileId === onlyId : undefined,
            limit: 1000,
          });
          expect(got).not.toBeNull();
          expect(got!.total).toBe(expected.length);
          expect(got!.hits).toEqual(expected.map((r) => ({ id: r.id, score: r.score, terms: r.terms })));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps only the first `limit` hits but counts them all', () => {
    const mini = index([
      { id: 'a:1', title: 'salt', text: 'salt river', actor: '' },
      { id: 'a:2', title: '', text: 'salt river salt', actor: '' },
      { id: 'b:1', title: '', text: 'river salt', actor: 'salt' },
    ]);
    const got = andSearch(mini, ['salt', 'river'], { boost: BOOST, prefix: PREFIX, limit: 2 })!;
    expect(got.total).toBe(3);
    expect(got.hits).toHaveLength(2);
    expect(got.hits[0]!.score).toBeGreaterThanOrEqual(got.hits[1]!.score);
  });

  it('leaves to MiniSearch what it cannot promise to answer the same way', () => {
    const mini = index([
      { id: 'a:1', title: 'salt', text: 'salt river', actor: '' },
      { id: 'a:2', title: 'salt', text: 'river', actor: '' },
    ]);
    // A word the tokenizer splits in two, and an expression of another shape.
    expect(andSearch(mini, ['salt river'], { boost: BOOST, prefix: PREFIX, limit: 5 })).toBeNull();
    expect(
      andSearch(mini, [{ combineWith: 'AND', queries: ['salt'] }], {
        boost: BOOST,
        prefix: PREFIX,
        limit: 5,
      }),
    ).toBeNull();
    // A discarded document that vacuuming has not cleaned out of the postings yet.
    mini.discard('a:2');
    expect(andSearch(mini, ['salt'], { boost: BOOST, prefix: PREFIX, limit: 5 })).toBeNull();
  });
});
