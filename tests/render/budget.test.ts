// truncate, paginate and the markdown escapes, as properties: never over the limit, never half a surrogate pair,
// never an escape split from what it escapes, nothing lost between pages, and escaping undone exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, openMarkers, pack, paginate, truncate } from '../../src/render/budget.ts';
import { escapeMarkdown, escapeUserText, unescapeMarkdown } from '../../src/render/escape.ts';
import { PIECES } from './arbitraries.ts';
import { length } from './limitsChecker.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const squash = (s: string) => s.replace(/\s+/g, '');

/** Text heavy in astral characters, markdown and white space, sometimes long, sometimes one long word. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...PIECES, ' ', '\n', '\n\n', '…'),
        fc.string({ unit: 'grapheme', maxLength: 4 }),
      ),
      {
        maxLength: 600,
      },
    )
    .map((ps) => ps.join('')),
  fc
    .tuple(fc.constantFrom('🦆', '𝔄', '湖', 'e\u0301', '\\', '\\*', '*'), fc.integer({ min: 1, max: 3000 }))
    .map(([p, n]) => p.repeat(n)),
);

describe('truncate', () => {
  it('at most max code points, never half a pair, unchanged when it fits, else a prefix and an ellipsis', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 3000 }), (t, max) => {
        const out = truncate(t, max);
        expect(length(out)).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(LONE_SURROGATE);
        if (length(t) <= max) expect(out).toBe(t);
        else {
          // A prefix, the ellipsis, then only what closes the markdown pairs the prefix left open.
          const [, prefix, close] = /^([\s\S]*)…([*_~|`]*)$/.exec(out)!;
          expect(t.startsWith(prefix!)).toBe(true);
          expect(close).toBe([...openMarkers(prefix!)].reverse().join(''));
          expect(openMarkers(out)).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('cuts at a word boundary when there is one in the second half', () => {
    expect(truncate('the salt road winds through', 22)).toBe('the salt road winds…');
    // The last word before the cut may itself be cut, so it goes too.
    expect(truncate('the salt road winds through the marsh', 20)).toBe('the salt road…');
    expect(truncate('🦆'.repeat(10), 5)).toBe('🦆🦆🦆🦆…');
  });

  it('never splits a markdown pair: one open at the cut is closed after the ellipsis', () => {
    expect(truncate('_a meaning the source gives at some length_', 20)).toBe('_a meaning the…_');
    expect(truncate('**Bold title** and _a long tail of text_', 30)).toBe('**Bold title** and _a long…_');
    // Half of a `**` left at the cut goes, rather than opening a new pair.
    expect(truncate('a **bold** word', 4)).toBe('a…');
    expect(truncate('an escaped \\_ is not a pair and stays', 20)).toBe('an escaped \\_ is…');
  });
});

describe('paginate', () => {
  /** Removes the continuation marks: every chunk but the last ends with one, every chunk but the first opens with one. */
  /** And the markdown pairs a cut closes (after the ellipsis) and reopens (after the next chunk's ellipsis). */
  const rejoin = (chunks: readonly string[], max: number, firstMax: number) => {
    let reopen = '';
    return chunks
      .map((c, i) => {
        let s = c;
        if (i > 0) {
          expect(s.startsWith(ELLIPSIS + reopen), `chunk ${i} opens with an ellipsis`).toBe(true);
          s = s.slice(ELLIPSIS.length + reopen.length);
        }
        if (i < chunks.length - 1) {
          const [, body, close] = /^([\s\S]*)…([*_~|`]*)$/.exec(s) ?? [];
          expect(body, `chunk ${i} ends with an ellipsis`).toBeDefined();
          if (Math.min(max, firstMax) >= 16)
            expect(openMarkers(c), `chunk ${i} closes its pairs`).toEqual([]);
          s = body!;
          reopen = [...close!].reverse().join('');
        }
        return s;
      })
      .join('');
  };

  it('every chunk within its limit, no half pairs, nothing lost but white space at the cuts', () => {
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 3, max: 800 }),
        fc.integer({ min: 3, max: 800 }),
        (t, max, first) => {
          const firstMax = Math.min(first, max);
          const chunks = paginate(t, max, firstMax);
          chunks.forEach((c, i) => {
            expect(length(c), `chunk ${i}`).toBeLessThanOrEqual(i === 0 ? firstMax : max);
            expect(c).not.toMatch(LONE_SURROGATE);
          });
          expect(squash(rejoin(chunks, max, firstMax))).toBe(squash(t));
          if (length(t) <= firstMax) expect(chunks).toEqual(t.length > 0 ? [t] : []);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('never splits an escaping backslash from what it escapes', () => {
    const markdownRun = fc
      .array(fc.constantFrom('\\', '*', '_', 'a', '𝔄', '`', '|', '~'), { minLength: 1, maxLength: 2000 })
      .map((cs) => cs.join(''));
    fc.assert(
      // From 4 up: room for both continuation marks and one escape pair (every real limit is far larger).
      fc.property(markdownRun, fc.integer({ min: 4, max: 300 }), (raw, max) => {
        const escaped = escapeMarkdown(raw);
        const chunks = paginate(escaped, max);
        chunks.forEach((c, i) => {
          const body = i < chunks.length - 1 ? c.slice(0, -ELLIPSIS.length) : c;
          const run = /\\*$/.exec(body)![0].length;
          expect(run % 2, `chunk ${i} ends with a lone escaping backslash`).toBe(0);
          // Each chunk un-escapes on its own into a piece of the original.
          expect(raw).toContain(unescapeMarkdown(i > 0 ? body.slice(ELLIPSIS.length) : body));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a bold title split across pages is closed on one and reopened on the next', () => {
    const chunks = paginate(`**${'word '.repeat(30)}**\nbody`, 60);
    expect(chunks[0]).toMatch(/^\*\*word .*word…\*\*$/);
    expect(chunks[1]).toMatch(/^…\*\*word/);
    for (const c of chunks) expect(openMarkers(c)).toEqual([]);
  });

  it('prefers a paragraph break, then a line break, then a space, in the second half of the room', () => {
    const [a, b, c] = ['a'.repeat(60), 'b'.repeat(20), 'c'.repeat(20)];
    expect(paginate(`${a}\n\n${b} ${c}`, 100)).toEqual([`${a}…`, `…${b} ${c}`]);
    expect(paginate(`${a}\n${b} ${c}`, 100)).toEqual([`${a}…`, `…${b} ${c}`]);
    expect(paginate(`${a} ${b} ${c}`, 100)).toEqual([`${a} ${b}…`, `…${c}`]);
    // No break in the second half: the word is cut rather than leaving half a page empty.
    expect(paginate(`${b} ${'d'.repeat(200)}`, 100)[0]).toBe(`${b} ${'d'.repeat(78)}…`);
  });
});

describe('pack', () => {
  it('joins blocks into as few chunks as fit; an oversized block is split, or cut to one line', () => {
    const [a, b, c] = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(150)];
    expect(pack([a, b], 100, { separator: '\n\n', oversized: 'split' })).toEqual([`${a}\n\n${b}`]);
    expect(pack([a, b, a], 90, { separator: '\n', oversized: 'split' })).toEqual([`${a}\n${b}`, a]);
    const split = pack([a, c], 100, { separator: '\n\n', oversized: 'split' });
    expect(split).toEqual([a, `${'c'.repeat(99)}…`, `…${'c'.repeat(51)}`]);
    const cut = pack(['_a meaning_', `${'Ꮭ'.repeat(120)} Realm`], 100, { separator: '\n', oversized: 'cut' });
    expect(cut).toEqual(['_a meaning_', `${'Ꮭ'.repeat(99)}…`]);
    expect(pack([], 100, { separator: '\n', oversized: 'cut' })).toEqual(['']);
  });
});

describe('escapes', () => {
  const markdownText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc
      .array(
        fc.constantFrom(
          ...PIECES,
          ' ',
          '\n',
          '\n\n',
          '  ',
          '\t',
          '1. ',
          '10) ',
          '# ',
          '### ',
          '- ',
          '+ ',
          '* ',
          '-# ',
          '> ',
        ),
        { maxLength: 60 },
      )
      .map((ps) => ps.join('')),
  );

  it('unescapeMarkdown undoes escapeMarkdown exactly', () => {
    fc.assert(
      fc.property(markdownText, (t) => {
        expect(unescapeMarkdown(escapeMarkdown(t))).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it('escaped text leaves no markdown character unescaped', () => {
    fc.assert(
      fc.property(markdownText, (t) => {
        const escaped = escapeMarkdown(t);
        // Every *, _, ~, `, |, <, >, [, ] is preceded by an odd run of backslashes.
        for (const m of escaped.matchAll(/(\\*)([*_~`|<>[\]])/g)) expect(m[1]!.length % 2).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('user text: never a live @everyone or @here, links inert', () => {
    fc.assert(
      fc.property(markdownText, fc.constantFrom('@everyone', '@here', '@EVERYONE', '@@here'), (t, m) => {
        const out = escapeUserText(`${t}${m}${t}`);
        expect(out).not.toMatch(/@(everyone|here)/i);
        expect(escapeUserText(`${t}https://discord.gg/x`)).not.toMatch(/https:\/\/|discord\.gg\//);
      }),
      { numRuns: 200 },
    );
  });
});
