// The indexer's tokenizer must split exactly as MiniSearch's default (a Unicode-class regex) does: field lengths
// and terms, and so every score, depend on it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitWords, WORD_SPLIT } from '../../src/search/normalize.ts';

const alike = (text: string) => {
  expect(splitWords(text)).toEqual(text.split(WORD_SPLIT));
};

describe('splitWords', () => {
  it('splits like the regex on edge cases', () => {
    for (const text of [
      '',
      ' ',
      'word',
      ' leading and trailing. ',
      'a—b – c…d',
      'l’État, “quoted” (x) [y] {z}',
      'tab\tis not a separator',
      'symbols $+<=>^`|~ are not punctuation',
      'no\u00a0break\u2003em\u3000ideographic',
      'emoji 🇹🇯 flag, 𝔘nicode',
      'lone \ud800 high, lone \udc00 low',
      'line\r\nbreaks\n\n',
    ])
      alike(text);
  });

  it('splits like the regex on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), alike), { numRuns: 2000 });
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'ab',
            'Z9',
            ' ',
            '.',
            ',',
            '—',
            '’',
            '\u00a0',
            '😀',
            '\ud800',
            '\udc00',
            'é',
            '\t',
            '-',
          ),
          {
            maxLength: 30,
          },
        ),
        (parts) => alike(parts.join('')),
      ),
      { numRuns: 2000 },
    );
  });
});
