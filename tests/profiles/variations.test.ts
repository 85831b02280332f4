// Each variation the parser tolerates, built from a fictional base page: line endings, BOM, white space, heading
// case and wording, numbering styles, missing and extra sections, code spelling, repeated codes, wrapped prose.
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../src/profiles/parseProfile.ts';
import { profileSchema } from '../../src/profiles/schema.ts';
import { BASE_LINES, BASE_TEXT, categoriesOf, formatted, parse, parseClean, TEST_FILE } from './support.ts';

const base = parseClean(BASE_TEXT);

describe('the fictional base page', () => {
  it('parses cleanly into the expected structure', () => {
    expect(profileSchema.parse(base)).toEqual(base);
    expect(base.name).toBe('Vessaria');
    expect(base.nameLine).toBe(3);
    expect(base.image).toEqual({ file: 'Vessaria.png', line: 5 });
    expect(base.summary?.paragraphs.map((p) => p.line)).toEqual([9]);
    expect(base.interests?.items.map((i) => [i.number, i.title, i.line])).toEqual([
      [1, 'Harbour Tolls', 13],
      [2, 'Mountain Passes', 17],
    ]);
    expect(categoriesOf(base)).toEqual([
      ['Allies', ['KDR']],
      ['Partners', ['OSL', 'BRV']],
      ['Rivals', []],
      ['Adversaries', []],
      ['AAOs', ['FNX']],
    ]);
    expect(base.sections).toEqual([]);
  });
});

describe('line endings, BOM and white space change nothing', () => {
  it('CRLF', () => {
    expect(parseClean(BASE_LINES.join('\r\n'))).toEqual(base);
  });

  it('CR only', () => {
    expect(parseClean(BASE_LINES.join('\r'))).toEqual(base);
  });

  it('mixed endings', () => {
    // A CR followed by an empty line and a LF would read as one CRLF, so CR ends only lines before content.
    const ending = (i: number) => (BASE_LINES[i + 1] === '' ? '\n' : (['\n', '\r\n', '\r'] as const)[i % 3]);
    const text = BASE_LINES.map((l, i) => l + ending(i)).join('');
    expect(text).toMatch(/\r[^\n]/);
    expect(parseClean(text)).toEqual(base);
  });

  it('a BOM, as a string and as bytes', () => {
    expect(parseClean(`\uFEFF${BASE_TEXT}`)).toEqual(base);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(BASE_TEXT)]);
    expect(parseProfile(bytes, { file: TEST_FILE })).toEqual({ profile: base, diagnostics: [] });
  });

  it('tabs and trailing spaces around every line', () => {
    const text = BASE_LINES.map((l, i) => (i % 2 ? `\t${l}  \t` : `  ${l}\t `)).join('\n');
    expect(parseClean(text)).toEqual(base);
  });

  it('white space inside a blank line still separates paragraphs', () => {
    const text = BASE_LINES.map((l) => (l === '' ? ' \t ' : l)).join('\n');
    expect(parseClean(text)).toEqual(base);
  });
});

describe('heading spelling', () => {
  it('upper-case and lower-case known headings', () => {
    const text = BASE_LINES.map((l) =>
      l === 'Key Interests & Priorities'
        ? 'KEY INTERESTS & PRIORITIES'
        : l === 'Relationships'
          ? 'relationships'
          : l,
    ).join('\n');
    const profile = parseClean(text);
    expect(profile.interests?.heading).toBe('KEY INTERESTS & PRIORITIES');
    expect(profile.relationships?.heading).toBe('relationships');
    expect(profile.interests?.items).toEqual(base.interests?.items);
    expect(profile.relationships?.categories).toEqual(base.relationships?.categories);
  });

  it('"PROFILE" in capitals', () => {
    const profile = parseClean(BASE_LINES.map((l) => (l === 'Profile' ? 'PROFILE' : l)).join('\n'));
    expect(profile.summary?.heading).toBe('PROFILE');
    expect(profile.summary?.paragraphs).toEqual(base.summary?.paragraphs);
  });

  it('"Key Interests and Priorities" and a trailing colon', () => {
    for (const heading of ['Key Interests and Priorities', 'Key Interests & Priorities:', 'Key interests']) {
      const profile = parseClean(
        BASE_LINES.map((l) => (l.startsWith('Key Interests') ? heading : l)).join('\n'),
      );
      expect(profile.interests?.heading).toBe(heading);
      expect(profile.interests?.items).toEqual(base.interests?.items);
    }
  });

  it('category headings in another case or with a colon', () => {
    const text = BASE_LINES.map((l) => (l === 'Allies' ? 'ALLIES' : l === 'Partners' ? 'Partners:' : l)).join(
      '\n',
    );
    const profile = parseClean(text);
    expect(categoriesOf(profile).slice(0, 2)).toEqual([
      ['ALLIES', ['KDR']],
      ['Partners', ['OSL', 'BRV']],
    ]);
  });
});

describe('interest numbering', () => {
  it('"1)" numbering reads the same as "1."', () => {
    const text = BASE_LINES.map((l) => l.replace(/^(\d)\. /, '$1) ')).join('\n');
    expect(parseClean(text)).toEqual(base);
  });

  it('no space after the number', () => {
    const text = BASE_LINES.map((l) => l.replace(/^(\d)\. /, '$1.')).join('\n');
    expect(parseClean(text).interests?.items).toEqual(base.interests?.items);
  });

  it('a gap in the numbering is warned about and kept as written', () => {
    const text = BASE_LINES.map((l) => (l === '2. Mountain Passes' ? '4. Mountain Passes' : l)).join('\n');
    const result = parse(text);
    expect(formatted(result)).toEqual([
      `${TEST_FILE}:17: warning: interest numbered 4 where 2 was expected; kept as written`,
    ]);
    expect(result.profile?.interests?.items.map((i) => [i.number, i.title])).toEqual([
      [1, 'Harbour Tolls'],
      [4, 'Mountain Passes'],
    ]);
  });

  it('numbering that does not start at 1 is warned about once', () => {
    const text = BASE_LINES.map((l) => l.replace(/^(\d)\. /, (_, n) => `${Number(n) + 4}. `)).join('\n');
    const result = parse(text);
    expect(formatted(result)).toEqual([
      `${TEST_FILE}:13: warning: interest numbered 5 where 1 was expected; kept as written`,
    ]);
    expect(result.profile?.interests?.items.map((i) => i.number)).toEqual([5, 6]);
  });
});

describe('missing sections', () => {
  const without = (from: number, to: number) =>
    BASE_LINES.filter((_, i) => i + 1 < from || i + 1 > to).join('\n');

  it('no interests', () => {
    const profile = parseClean(without(11, 20));
    expect(profile.interests).toBeNull();
    expect(profile.summary?.paragraphs.map((p) => p.text)).toEqual(
      base.summary?.paragraphs.map((p) => p.text),
    );
    expect(categoriesOf(profile)).toEqual(categoriesOf(base));
  });

  it('no relationships', () => {
    const profile = parseClean(without(21, 38));
    expect(profile.relationships).toBeNull();
    expect(profile.interests?.items).toEqual(base.interests?.items);
  });

  it('no summary', () => {
    const profile = parseClean(without(7, 10));
    expect(profile.summary).toBeNull();
    expect(profile.interests?.items.map((i) => i.title)).toEqual(['Harbour Tolls', 'Mountain Passes']);
  });

  it('no image', () => {
    const profile = parseClean(without(5, 6));
    expect(profile.image).toBeNull();
    expect(profile.summary?.heading).toBe('Profile');
  });

  it('title only, with and without chrome', () => {
    for (const text of ['Vessaria', 'Vessaria\n', 'top of page\n\nVessaria\n\nbottom of page\n']) {
      const profile = parseClean(text);
      expect(profile.name).toBe('Vessaria');
      expect(profile.image).toBeNull();
      expect(profile.summary).toBeNull();
      expect(profile.interests).toBeNull();
      expect(profile.relationships).toBeNull();
      expect(profile.sections).toEqual([]);
    }
  });

  it('title and image only', () => {
    const profile = parseClean('Vessaria\n\nVessaria.png\n');
    expect(profile.image).toEqual({ file: 'Vessaria.png', line: 3 });
  });

  it('prose straight after the title is a summary without a heading', () => {
    const profile = parseClean(
      'Vessaria\n\nVessaria is a fictional lake republic.\n\nIts ferries cross the lake.\n',
    );
    expect(profile.summary).toEqual({
      heading: null,
      line: 3,
      paragraphs: [
        { text: 'Vessaria is a fictional lake republic.', line: 3, lineCount: 1 },
        { text: 'Its ferries cross the lake.', line: 5, lineCount: 1 },
      ],
    });
  });
});

describe('sections the format does not name', () => {
  it('are kept as generic sections, in page order, with their paragraphs', () => {
    const lines = [...BASE_LINES];
    lines.splice(
      20,
      0,
      'History',
      '',
      'The republic was founded by lake traders.',
      '',
      'It has had one constitution.',
      '',
    );
    lines.splice(10, 0, 'Economy', '', 'Tolls and fish make up most of the economy.', '');
    const profile = parseClean(lines.join('\n'));
    expect(profile.sections).toEqual([
      {
        heading: 'Economy',
        line: 11,
        paragraphs: [{ text: 'Tolls and fish make up most of the economy.', line: 13, lineCount: 1 }],
      },
      {
        heading: 'History',
        line: 25,
        paragraphs: [
          { text: 'The republic was founded by lake traders.', line: 27, lineCount: 1 },
          { text: 'It has had one constitution.', line: 29, lineCount: 1 },
        ],
      },
    ]);
    expect(profile.summary?.paragraphs.map((p) => p.line)).toEqual([9]);
    expect(profile.interests?.items.map((i) => i.title)).toEqual(['Harbour Tolls', 'Mountain Passes']);
    expect(categoriesOf(profile)).toEqual(categoriesOf(base));
  });

  it('a multi-word heading with a colon', () => {
    const profile = parseClean('Vessaria\n\nHistory of the Lake:\n\nThe lake was drained once.\n');
    expect(profile.sections).toEqual([
      {
        heading: 'History of the Lake',
        line: 3,
        paragraphs: [{ text: 'The lake was drained once.', line: 5, lineCount: 1 }],
      },
    ]);
  });

  it('after the relationships, the codes stay in their category', () => {
    const profile = parseClean(`${BASE_TEXT}\nNotes\n\nThe lake guard reports to the assembly.\n`);
    expect(categoriesOf(profile)).toEqual(categoriesOf(base));
    expect(profile.sections).toEqual([
      {
        heading: 'Notes',
        line: 41,
        paragraphs: [{ text: 'The lake guard reports to the assembly.', line: 43, lineCount: 1 }],
      },
    ]);
  });
});

describe('actor codes', () => {
  it('lowercase codes are upper-cased', () => {
    const text = BASE_LINES.map((l) => (l === 'OSL' ? 'osl' : l === 'FNX' ? 'fnx' : l)).join('\n');
    expect(parseClean(text)).toEqual(base);
  });

  it('codes with digits', () => {
    const text = BASE_LINES.map((l) => (l === 'BRV' ? 'G7' : l)).join('\n');
    expect(categoriesOf(parseClean(text))[1]).toEqual(['Partners', ['OSL', 'G7']]);
  });

  it('a code twice in one category is warned about at the repeat and kept once', () => {
    const lines = [...BASE_LINES];
    lines.splice(30, 0, 'osl'); // line 31, after OSL (29) and BRV (30)
    const result = parse(lines.join('\n'));
    expect(formatted(result)).toEqual([
      `${TEST_FILE}:31: warning: OSL is listed twice under Partners; the repeat is ignored`,
    ]);
    expect(categoriesOf(result.profile!)[1]).toEqual(['Partners', ['OSL', 'BRV']]);
    expect(result.profile?.relationships?.categories[1]?.codes.map((c) => c.line)).toEqual([29, 30]);
  });

  it('a code in two categories is kept in both, with a warning', () => {
    const lines = [...BASE_LINES];
    lines.splice(33, 0, 'KDR', ''); // under Rivals, line 34
    const result = parse(lines.join('\n'));
    expect(formatted(result)).toEqual([
      `${TEST_FILE}:34: warning: KDR is listed under both Allies and Rivals`,
    ]);
    expect(categoriesOf(result.profile!).map(([, codes]) => codes)).toEqual([
      ['KDR'],
      ['OSL', 'BRV'],
      ['KDR'],
      [],
      ['FNX'],
    ]);
  });

  it('a code before any category heading is warned about and not kept', () => {
    const lines = [...BASE_LINES];
    lines.splice(22, 0, 'ZRN', ''); // line 23, right after "Relationships"
    const result = parse(lines.join('\n'));
    expect(formatted(result)).toEqual([
      `${TEST_FILE}:23: warning: code ZRN is not under a category heading, so its relationship is unknown`,
    ]);
    expect(categoriesOf(result.profile!)).toEqual(categoriesOf(base));
  });

  it('codes without blank lines between categories', () => {
    const text = 'Vessaria\nRelationships\nAllies\nKDR\nPartners\nOSL\nBRV\nRivals\nAdversaries\nAAOs\nFNX\n';
    expect(categoriesOf(parseClean(text))).toEqual(categoriesOf(base));
  });
});

describe('categories', () => {
  it('empty categories are kept, in order', () => {
    const text = 'Vessaria\n\nRelationships\n\nAllies\n\nPartners\n\nRivals\n\nAdversaries\n\nAAOs\n';
    const profile = parseClean(text);
    expect(categoriesOf(profile)).toEqual([
      ['Allies', []],
      ['Partners', []],
      ['Rivals', []],
      ['Adversaries', []],
      ['AAOs', []],
    ]);
    expect(profile.relationships?.categories.map((c) => c.line)).toEqual([5, 7, 9, 11, 13]);
  });

  it('a category the defaults do not know is kept as written', () => {
    const text = 'Vessaria\n\nRelationships\n\nNeutral Parties\n\nOSL\n\nAllies\n\nKDR\n';
    expect(categoriesOf(parseClean(text))).toEqual([
      ['Neutral Parties', ['OSL']],
      ['Allies', ['KDR']],
    ]);
  });

  it('category names from the directory are recognised in capitals', () => {
    const text = 'Vessaria\n\nRelationships\n\nWATCH\n\nOSL\n';
    expect(categoriesOf(parseClean(text, { categoryNames: ['Watch'] }))).toEqual([['WATCH', ['OSL']]]);
  });

  it('a category heading repeated adds its codes to the first one', () => {
    const text = 'Vessaria\n\nRelationships\n\nAllies\n\nKDR\n\nRivals\n\nAllies\n\nOSL\n';
    const result = parse(text);
    expect(formatted(result)).toEqual([
      `${TEST_FILE}:11: warning: category "Allies" appears twice: its codes are added to the first one`,
    ]);
    expect(categoriesOf(result.profile!)).toEqual([
      ['Allies', ['KDR', 'OSL']],
      ['Rivals', []],
    ]);
  });
});

describe('paragraphs', () => {
  it('hard-wrapped lines are joined into one paragraph that remembers its span', () => {
    const text = [
      'Vessaria',
      '',
      'Profile',
      '',
      'Vessaria is a fictional lake republic.',
      'Its ferries cross to Kadros,',
      'and its tolls fund the lake guard.',
      '',
      'A second paragraph.',
    ].join('\n');
    expect(parseClean(text).summary?.paragraphs).toEqual([
      {
        text: 'Vessaria is a fictional lake republic. Its ferries cross to Kadros, and its tolls fund the lake guard.',
        line: 5,
        lineCount: 3,
      },
      { text: 'A second paragraph.', line: 9, lineCount: 1 },
    ]);
  });

  it('wrapped interest bodies and interest intros', () => {
    const text = [
      'Vessaria',
      'Key Interests',
      'Two things matter.',
      '1. Harbour Tolls',
      'The tolls pay',
      'for the guard.',
    ].join('\n');
    const interests = parseClean(text).interests!;
    expect(interests.intro).toEqual([{ text: 'Two things matter.', line: 3, lineCount: 1 }]);
    expect(interests.items[0]?.body).toEqual([
      { text: 'The tolls pay for the guard.', line: 5, lineCount: 2 },
    ]);
  });

  it('a short one-line body between two interests stays in the interest', () => {
    const text = BASE_LINES.map((l) =>
      l.startsWith('Vessaria wants the harbour') ? 'Under Review' : l,
    ).join('\n');
    const profile = parseClean(text);
    expect(profile.sections).toEqual([]);
    expect(profile.interests?.items.map((i) => [i.title, i.body.map((p) => p.text)])).toEqual([
      ['Harbour Tolls', ['Under Review']],
      ['Mountain Passes', ['The passes to Osland close each winter, and Vessaria wants a tunnel.']],
    ]);
  });

  it('a short one-line body on the last interest stays in it', () => {
    const text = BASE_LINES.map((l) => (l.startsWith('The passes to Osland') ? 'None' : l)).join('\n');
    const profile = parseClean(text);
    expect(profile.sections).toEqual([]);
    expect(profile.interests?.items[1]?.body.map((p) => p.text)).toEqual(['None']);
  });

  it('a sub-heading inside an interest does not take the interests after it', () => {
    const lines = [...BASE_LINES];
    lines.splice(16, 0, 'Outlook', '', 'The assembly will vote on the tolls in spring.', '');
    const profile = parseClean(lines.join('\n'));
    expect(profile.sections).toEqual([]);
    expect(profile.interests?.items.map((i) => [i.title, i.body.map((p) => [p.line, p.text])])).toEqual([
      [
        'Harbour Tolls',
        [
          [15, 'Vessaria wants the harbour tolls kept: they pay for half of the lake guard.'],
          [17, 'Outlook'],
          [19, 'The assembly will vote on the tolls in spring.'],
        ],
      ],
      ['Mountain Passes', [[23, 'The passes to Osland close each winter, and Vessaria wants a tunnel.']]],
    ]);
  });

  it('a section after the last interest is still a section', () => {
    const lines = [...BASE_LINES];
    lines.splice(
      20,
      0,
      'History',
      '',
      'The republic was founded by lake traders.',
      '',
      '1. The Founding',
      '',
    );
    const profile = parseClean(lines.join('\n'));
    expect(profile.interests?.items.map((i) => i.title)).toEqual(['Harbour Tolls', 'Mountain Passes']);
    expect(profile.sections.map((s) => [s.heading, s.paragraphs.map((p) => p.text)])).toEqual([
      ['History', ['The republic was founded by lake traders.', '1. The Founding']],
    ]);
  });

  it('markdown, emoji and other scripts are kept verbatim', () => {
    const prose = '**Vessaria** — _lac_ 🇺🇳 👩‍👩‍👧 «Ѵессария» 湖の国 `tolls` [link](https://example.org).';
    expect(parseClean(`Vessaria\n\nProfile\n\n${prose}\n`).summary?.paragraphs[0]?.text).toBe(prose);
  });
});

describe('page chrome', () => {
  it('is dropped wherever it appears and in any case', () => {
    const text = BASE_LINES.map((l) => (l === 'bottom of page' ? 'Bottom Of Page' : l))
      .concat(['TOP OF PAGE'])
      .join('\n');
    expect(parseClean(text)).toEqual(base);
  });
});
