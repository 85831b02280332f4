// The section index's engine must score exactly as MiniSearch does (the relevance work was tuned on MiniSearch's
// scores), stay so through removals, save and load back whole, and its AND search must answer as its full search.
// Documents and queries come from a small vocabulary, so words repeat, share prefixes and lie a letter apart.
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { andSearch, compareHits } from '../../src/search/andSearch.ts';
import { processTerm, splitWords, WORD_SPLIT } from '../../src/search/normalize.ts';
import { TermDictionary } from '../../src/search/termDictionary.ts';
import { type QueryWord, type TermHit, TermIndex } from '../../src/search/termIndex.ts';
import { Slicer } from '../../src/slices.ts';

const VOCABULARY = [
  'harbour',
  'harbours',
  'harbourmaster',
  'salt',
  'saltpetre',
  'slat',
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
const BOOSTS = FIELDS.map((f) => BOOST[f]);

type Doc = { id: string; profileId: string; title: string; text: string; actor: string };

const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...VOCABULARY), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const docs = fc
  .uniqueArray(
    fc.record({
      id: fc.integer({ min: 0, max: 400 }).map((n) => `p${n % 7}:s${n}`),
      title: words(0, 3),
      text: words(0, 25),
      actor: words(0, 2),
    }),
    { selector: (d) => d.id, minLength: 1, maxLength: 60 },
  )
  .map((list) => list.map((d) => ({ ...d, profileId: d.id.split(':')[0]! })));
const queryWords = fc
  .array(
    fc.record({
      word: fc.constantFrom(...VOCABULARY),
      prefix: fc.boolean(),
      fuzzy: fc.constantFrom(0, 0, 1, 2),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((ws) =>
    ws.flatMap(({ word, prefix, fuzzy }) => {
      const term = processTerm(word);
      return term === null ? [] : [{ term, prefix, fuzzy }];
    }),
  )
  .filter((ws) => ws.length > 0);
const options = {
  fields: FIELDS,
  field: (d: Doc, f: string) => d[f as (typeof FIELDS)[number]],
  tokenize: (text: string) => text.split(WORD_SPLIT),
  processTerm,
};

function termIndex(list: readonly Doc[]): TermIndex<Doc> {
  const index = new TermIndex<Doc>(options);
  for (const d of list) index.add(d.id, d);
  index.settle();
  return index;
}

function miniSearch(list: readonly Doc[]): MiniSearch<Doc> {
  const mini = new MiniSearch<Doc>({ fields: [...FIELDS], storeFields: ['profileId'], processTerm });
  mini.addAll(list);
  return mini;
}

const ranked = (hits: TermHit<Doc>[]) =>
  [...hits].sort((a, b) => compareHits(a.score, a.doc.id, b.score, b.doc.id));

/** Equal hits: the same documents with the same scores (to the last few bits) and matched terms. */
function expectSameHits(got: { id: string; score: number; terms: string[] }[], expected: typeof got): void {
  expect(got.map((h) => h.id).sort()).toEqual(expected.map((h) => h.id).sort());
  const byId = new Map(expected.map((h) => [h.id, h]));
  for (const h of got) {
    const e = byId.get(h.id)!;
    expect(h.score).toBeCloseTo(e.score, 9);
    expect([...h.terms].sort()).toEqual([...e.terms].sort());
  }
}

describe('TermIndex', () => {
  it('scores as MiniSearch does: the same documents, scores and matched terms, AND and OR, prefix and fuzzy', () => {
    fc.assert(
      fc.property(
        docs,
        queryWords,
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 6 })),
        (list, ws, and, favour) => {
          const combineWith = and ? 'AND' : 'OR';
          const favoured = favour === null ? undefined : `p${favour}`;
          const expected = miniSearch(list).search(
            {
              combineWith,
              queries: ws.map((w) => ({ queries: [w.term], prefix: w.prefix, fuzzy: w.fuzzy || false })),
            },
            {
              boost: BOOST,
              boostDocument: favoured
                ? (_id, _t, stored) => (stored?.profileId === favoured ? 3 : 1)
                : undefined,
              processTerm: (t) => t,
            },
          );
          const got = termIndex(list).search(ws, {
            combineWith,
            boost: BOOSTS,
            boostDocument: favoured ? (d) => (d.profileId === favoured ? 3 : 1) : undefined,
          });
          expectSameHits(
            got.map((h) => ({ id: h.doc.id, score: h.score, terms: h.terms })),
            expected.map((r) => ({ id: String(r.id), score: r.score, terms: r.terms })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('after removals and additions, answers as an index built from what is left', () => {
    fc.assert(
      fc.property(docs, docs, fc.array(fc.boolean()), queryWords, (first, second, keep, ws) => {
        const index = termIndex(first);
        const kept = first.filter((_, i) => keep[i % Math.max(keep.length, 1)] ?? true);
        for (const d of first) if (!kept.includes(d)) index.remove(d.id);
        const added = second.filter((d) => !kept.some((k) => k.id === d.id));
        for (const d of added) index.add(d.id, d);
        index.settle();
        const fresh = termIndex([...kept, ...added]);
        for (const combineWith of ['AND', 'OR'] as const) {
          const search = (i: TermIndex<Doc>) =>
            ranked(i.search(ws, { combineWith, boost: BOOSTS })).map((h) => ({
              id: h.doc.id,
              score: h.score,
              terms: h.terms,
            }));
          expectSameHits(search(index), search(fresh));
        }
        expect(index.documentCount).toBe(fresh.documentCount);
      }),
      { numRuns: 150 },
    );
  });

  it('builds the same index from one large batch (whose lists share one array) as from documents one by one', async () => {
    // Enough postings for the large-batch path, from a fixed walk through the vocabulary.
    let state = 7;
    const next = () => {
      state = (state * 48_271) % 2_147_483_647;
      return state;
    };
    const text = (n: number) =>
      Array.from({ length: n }, () => VOCABULARY[next() % VOCABULARY.length]).join(' ');
    const list: Doc[] = Array.from({ length: 2500 }, (_, i) => ({
      id: `p${i % 40}:s${i}`,
      profileId: `p${i % 40}`,
      title: text(3),
      text: text(30),
      actor: text(2),
    }));
    const batched = termIndex(list);
    const oneByOne = new TermIndex<Doc>(options);
    for (const d of list) {
      oneByOne.add(d.id, d);
      oneByOne.settle();
    }
    expect(await batched.save()).toEqual(await oneByOne.save());
    // An edit after the build: lists cut to size grow again, on their own.
    const again = (d: Doc) => ({ ...d, id: `${d.id}:again` });
    for (const d of list.slice(0, 100)) {
      batched.remove(d.id);
      oneByOne.remove(d.id);
    }
    for (const d of list.slice(0, 100)) batched.add(again(d).id, again(d));
    batched.settle();
    // Then a large batch onto lists that already hold postings.
    for (const d of list.slice(100)) batched.add(again(d).id, again(d));
    batched.settle();
    for (const d of list) {
      oneByOne.add(again(d).id, again(d));
      oneByOne.settle();
    }
    expect(await batched.save()).toEqual(await oneByOne.save());
    const ws = [
      { term: 'harbour', prefix: true, fuzzy: 1 },
      { term: 'salt', prefix: false, fuzzy: 0 },
    ];
    for (const combineWith of ['AND', 'OR'] as const)
      expect(batched.search(ws, { combineWith, boost: BOOSTS })).toEqual(
        oneByOne.search(ws, { combineWith, boost: BOOSTS }),
      );
  });

  it('saves and loads back to an index that answers the same', async () => {
    await fc.assert(
      fc.asyncProperty(docs, queryWords, async (list, ws) => {
        const index = termIndex(list);
        index.remove(list[0]!.id);
        const byId = new Map(list.slice(1).map((d) => [d.id, d]));
        const loaded = TermIndex.restore(options, await index.save(), byId);
        const search = (i: TermIndex<Doc>) => i.search(ws, { combineWith: 'OR', boost: BOOSTS });
        expect(search(loaded)).toEqual(search(index));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a saved index that does not fit its documents or is inconsistent', async () => {
    const list: Doc[] = [
      { id: 'a:1', profileId: 'a', title: 'salt', text: 'salt river', actor: '' },
      { id: 'a:2', profileId: 'a', title: 'toll', text: 'river', actor: '' },
    ];
    const saved = await termIndex(list).save();
    const byId = new Map(list.map((d) => [d.id, d]));
    expect(TermIndex.restore(options, saved, byId).documentCount).toBe(2);
    expect(() => TermIndex.restore(options, saved, new Map([['a:1', list[0]!]]))).toThrow(
      /a:2 is not in the data/,
    );
    const more = new Map([...byId, ['a:3', { ...list[0]!, id: 'a:3' }]]);
    expect(() => TermIndex.restore(options, saved, more)).toThrow(/other documents than the data/);
    expect(() => TermIndex.restore(options, { ...saved, fields: ['title'] }, byId)).toThrow(/other fields/);
    expect(() =>
      TermIndex.restore(options, { ...saved, postings: saved.postings.subarray(0, 5) }, byId),
    ).toThrow(/cut short/);
    expect(() => TermIndex.restore(options, { ...saved, terms: [...saved.terms].reverse() }, byId)).toThrow(
      /out of order/,
    );
    const shuffled = Int32Array.from(saved.postings);
    shuffled[1] = 9999;
    expect(() => TermIndex.restore(options, { ...saved, postings: shuffled }, byId)).toThrow(
      /out of order|missing/,
    );
  });
});

describe('andSearch', () => {
  it('answers as the full AND search: documents, order, scores, terms and total, with filters and boosts', () => {
    fc.assert(
      fc.property(
        docs,
        queryWords,
        fc.option(fc.integer({ min: 0, max: 6 })),
        fc.option(fc.integer({ min: 0, max: 6 })),
        (list, ws, favour, only) => {
          const index = termIndex(list);
          const exact: QueryWord[] = ws.map((w) => ({ ...w, fuzzy: 0 }));
          const boostDocument =
            favour === null ? undefined : (d: Doc) => (d.profileId === `p${favour}` ? 3 : 1);
          const filter = only === null ? undefined : (d: Doc) => d.profileId === `p${only}`;
          const expected = ranked(
            index.search(exact, { combineWith: 'AND', boost: BOOSTS, boostDocument, filter }),
          );
          const search = (ws: QueryWord[]) =>
            andSearch(index, ws, { boost: BOOSTS, boostDocument, filter, idOf: (d) => d.id, limit: 1000 });
          // Searches share scratch arrays: one run before must leave no trace in the next.
          search([...exact].reverse().slice(1));
          const got = search(exact);
          expect(search(exact)).toEqual(got);
          expect(got.total).toBe(expected.length);
          expect(got.hits.map((h) => h.doc.id)).toEqual(expected.map((h) => h.doc.id));
          for (const [i, h] of got.hits.entries()) {
            expect(h.score).toBeCloseTo(expected[i]!.score, 9);
            expect(h.terms).toEqual(expected[i]!.terms);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps only the first `limit` hits but counts them all', () => {
    const index = termIndex([
      { id: 'a:1', profileId: 'a', title: 'salt', text: 'salt river', actor: '' },
      { id: 'a:2', profileId: 'a', title: '', text: 'salt river salt', actor: '' },
      { id: 'b:1', profileId: 'b', title: '', text: 'river salt', actor: 'salt' },
    ]);
    const ws = ['salt', 'river'].map((term) => ({ term, prefix: false, fuzzy: 0 }));
    const got = andSearch(index, ws, { boost: BOOSTS, idOf: (d) => d.id, limit: 2 });
    expect(got.total).toBe(3);
    expect(got.hits).toHaveLength(2);
    expect(got.hits[0]!.score).toBeGreaterThanOrEqual(got.hits[1]!.score);
  });
});

describe('TermDictionary', () => {
  const word = fc.stringMatching(/^[abcé]{0,7}$/);

  it('finds every word with a prefix, and every word within an edit distance, as a scan of all words does', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 80 }),
        word,
        fc.integer({ min: 0, max: 3 }),
        (list, query, max) => {
          const dictionary = new TermDictionary(list);
          const all = [...new Set(list)].sort();
          expect(dictionary.withPrefix(query)).toEqual(all.filter((w) => w.startsWith(query)));
          expect(dictionary.near(query, max)).toEqual(
            all.flatMap((w) => {
              const d = levenshtein(w, query);
              return d <= max ? [[w, d]] : [];
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sorts the same a slice at a time, runs merged', async () => {
    const words = fc.sample(fc.stringMatching(/^[a-zé]{1,9}$/), { numRuns: 10_000, seed: 7 });
    const sliced = await TermDictionary.sortedInSlices(words, new Slicer(0));
    expect([...sliced]).toEqual([...new TermDictionary(words)]);
    expect([...sliced].length).toBe(new Set(words).size);
  });

  it('keeps its order through additions and deletions', () => {
    const dictionary = new TermDictionary(['river', 'salt']);
    dictionary.add('harbour');
    dictionary.add('rivers');
    dictionary.delete('salt');
    expect([...dictionary]).toEqual(['harbour', 'river', 'rivers']);
    expect(dictionary.has('salt')).toBe(false);
  });
});

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

describe('TermIndex with splitWords', () => {
  // With splitWords as its tokenizer, the index finds words in the text itself (WordTable) rather than splitting
  // it: the index must come out exactly as one that splits each field into strings.
  const piece = fc.constantFrom(
    ...VOCABULARY,
    ' ',
    ', ',
    '. ',
    '—',
    '’',
    '\u00a0',
    '😀',
    '🇹🇯',
    '\t',
    '-',
    '$',
    'é',
    'Ölmark.',
  );
  const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
  const messyDocs = fc.uniqueArray(
    fc.record({
      id: fc.integer({ min: 0, max: 400 }).map((n) => `p${n % 7}:s${n}`),
      title: text,
      text,
      actor: text,
    }),
    { selector: (d) => d.id, minLength: 1, maxLength: 40 },
  );

  it('builds the same index as splitting each field into strings', async () => {
    await fc.assert(
      fc.asyncProperty(messyDocs, async (list) => {
        const byScan = new TermIndex<Doc>({ ...options, tokenize: splitWords });
        const bySplit = new TermIndex<Doc>(options);
        for (const d of list) {
          const doc = { ...d, profileId: d.id.split(':')[0]! };
          byScan.add(d.id, doc);
          bySplit.add(d.id, doc);
        }
        byScan.settle();
        bySplit.settle();
        expect(await byScan.save()).toEqual(await bySplit.save());
      }),
      { numRuns: 300 },
    );
  });
});
