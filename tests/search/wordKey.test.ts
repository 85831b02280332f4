// A word's key has a fast path for plain ASCII; it must give what the full normalisation with its spaces taken
// out gives, since index terms, snippets and query intent each compare keys made one way or the other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeKey, wordKey } from '../../src/search/normalize.ts';

const full = (word: string) => normalizeKey(word).replace(/ /g, '');

describe('wordKey', () => {
  it('equals the full normalisation on edge cases', () => {
    for (const word of [
      '',
      'Allies',
      'AAOs',
      'RUS',
      'x9',
      'État',
      'naïve',
      "Pakistan's",
      'l’État',
      'ﬁre',
      'İstanbul',
    ])
      expect(wordKey(word)).toBe(full(word));
  });

  it('equals the full normalisation on any word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (word) => {
        expect(wordKey(word)).toBe(full(word));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{0,12}$/), (word) => {
        expect(wordKey(word)).toBe(full(word));
      }),
    );
  });
});
