// fast-check generators for the property tests: well-formed fictional pages rendered together with the Profile
// the parser must read from them, and mutations that turn them into anything a hand-edited export could be.
import fc from 'fast-check';
import { actorCode, isImageFileName, knownSection, sameCategoryName } from '../../src/profiles/lineKinds.ts';
import { DEFAULT_CATEGORY_NAMES } from '../../src/profiles/parseProfile.ts';
import type { Paragraph, Profile } from '../../src/profiles/schema.ts';
import { isPageChrome } from '../../src/profiles/sourceText.ts';

export const GENERATED_FILE = 'profiles/generated.txt';

// ---- building blocks -------------------------------------------------------------------------------------

const LEADING_WORDS = ['The', 'Its', 'Vessaria', 'Kadros', 'Osland', 'Lake', 'Ferry', 'Émigrés'];

const SAMPLE_WORDS = [
  'harbour',
  'tolls',
  'guard',
  '**bold**',
  '_lake_',
  '`code`',
  '[link](https://example.org/a_b)',
  '#tag',
  '>',
  '-',
  '1.',
  '2)',
  'RUS',
  'Allies',
  'Profile',
  'Relationships',
  'Tajik.png',
  'Ѵессария',
  'λίμνη',
  '湖の国',
  'بحيرة',
  '🇺🇳',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  'e\u0301',
  '—',
  '«quoted»',
  '30%',
  '1,344-kilometer',
];

/** A word: no white space of any kind, so joining with spaces and trimming round-trips. */
const word = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SAMPLE_WORDS) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((w) => !/\s/.test(w)),
  },
);

/** A line of running prose: never a heading, a code, a numbered item, an image or page chrome. */
const proseLine = fc
  .tuple(fc.constantFrom(...LEADING_WORDS), fc.array(word, { maxLength: 12 }), fc.constantFrom('.', '!', '?'))
  .map(([first, rest, end]) => `${[first, ...rest].join(' ')}${end}`);

/** A paragraph, usually on one line, sometimes hard-wrapped over several. */
const paragraph = fc.array(proseLine, { minLength: 1, maxLength: 3 });

const capitalised = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIKLMNOPRSTVWZ'), fc.stringMatching(/^[a-z]{2,8}$/))
  .map(([a, b]) => a + b);

const notReserved = (text: string) =>
  !knownSection(text) &&
  !actorCode(text) &&
  !DEFAULT_CATEGORY_NAMES.some((c) => sameCategoryName(c, text)) &&
  !isPageChrome(text) &&
  !isImageFileName(text);

/** The heading of a section the format does not name: title-like. */
const genericHeading = fc
  .oneof(
    fc.constantFrom(
      'History',
      'Economy',
      'Notes',
      'Background',
      'Regional Role',
      'Trade and Energy',
      'Émigré Networks',
    ),
    fc.array(capitalised, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  )
  .filter(notReserved);

const UNKNOWN_CATEGORIES = ['Neutral Parties', 'Observers', 'Watch List', 'Donors', 'Mediators'];

const code = fc
  .stringMatching(/^[A-Z][A-Z0-9]{1,5}$/)
  .filter((c) => ![...DEFAULT_CATEGORY_NAMES, ...UNKNOWN_CATEGORIES].some((n) => sameCategoryName(n, c)));

const title = fc
  .oneof(
    fc.constantFrom('Vessaria', 'Kadros', 'Osland', 'The Lake Guard', 'Brava Free Cities', 'Ѵессария'),
    fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
  )
  .filter((t) => !knownSection(t) && !isImageFileName(t) && !isPageChrome(t));

// ---- the page model ------------------------------------------------------------------------------------

type ParagraphModel = string[];

export type Block =
  | { kind: 'summary'; heading: string; paragraphs: ParagraphModel[] }
  | {
      kind: 'interests';
      heading: string;
      intro: ParagraphModel[];
      items: { separator: string; title: string; body: ParagraphModel[] }[];
    }
  | {
      kind: 'relationships';
      heading: string;
      categories: { name: string; codes: string[] }[];
      spaced: boolean;
    }
  | { kind: 'generic'; heading: string; paragraphs: ParagraphModel[] };

export interface PageModel {
  title: string;
  image: string | null;
  chrome: boolean;
  /** Summary paragraphs straight after the title, without a heading (only when no headed summary follows). */
  leadParagraphs: ParagraphModel[];
  blocks: Block[];
}

const summaryBlock: fc.Arbitrary<Block> = fc.record({
  kind: fc.constant('summary' as const),
  heading: fc.constantFrom('Profile', 'PROFILE', 'Summary', 'Overview:'),
  paragraphs: fc.array(paragraph, { maxLength: 3 }),
});

const interestsBlock: fc.Arbitrary<Block> = fc.record({
  kind: fc.constant('interests' as const),
  heading: fc.constantFrom(
    'Key Interests & Priorities',
    'Key Interests and Priorities',
    'KEY INTERESTS & PRIORITIES',
    'Key interests',
  ),
  intro: fc.array(paragraph, { maxLength: 1 }),
  items: fc.array(
    fc.record({
      separator: fc.constantFrom('. ', ') ', '.', ')  '),
      title: fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')),
      body: fc.array(paragraph, { maxLength: 2 }),
    }),
    { maxLength: 40, size: 'medium' },
  ),
});

const relationshipsBlock: fc.Arbitrary<Block> = fc
  .record({
    kind: fc.constant('relationships' as const),
    heading: fc.constantFrom('Relationships', 'RELATIONSHIPS', 'relations'),
    names: fc.uniqueArray(fc.constantFrom(...DEFAULT_CATEGORY_NAMES, ...UNKNOWN_CATEGORIES), {
      maxLength: 7,
    }),
    codes: fc.uniqueArray(code, { maxLength: 30, size: 'medium' }),
    cuts: fc.array(fc.nat(), { maxLength: 7 }),
    spaced: fc.boolean(),
  })
  .map(({ kind, heading, names, codes, cuts, spaced }) => {
    // Deal the (profile-wide unique) codes out to the categories in order.
    let next = 0;
    const categories = names.map((name, i) => {
      const take =
        i === names.length - 1 ? codes.length - next : Math.min(codes.length - next, (cuts[i] ?? 0) % 6);
      const mine = codes.slice(next, next + take);
      next += take;
      return { name, codes: mine };
    });
    return { kind, heading, categories, spaced };
  });

const genericBlock: fc.Arbitrary<Block> = fc.record({
  kind: fc.constant('generic' as const),
  heading: genericHeading,
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }),
});

export const pageModel: fc.Arbitrary<PageModel> = fc
  .record({
    title,
    image: fc.option(
      fc.tuple(
        fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/),
        fc.constantFrom('png', 'jpg', 'PNG', 'webp'),
      ),
      { nil: null },
    ),
    chrome: fc.boolean(),
    lead: fc.array(paragraph, { maxLength: 2 }),
    summary: fc.option(summaryBlock, { nil: null }),
    interests: fc.option(interestsBlock, { nil: null }),
    relationships: fc.option(relationshipsBlock, { nil: null }),
    generic: fc.array(genericBlock, { maxLength: 3 }),
    order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ title, image, chrome, lead, summary, interests, relationships, generic, order }) => {
    const blocks = [summary, interests, relationships, ...generic].filter((b) => b !== null);
    const keyed = blocks.map((b, i) => ({ b, k: order[i] ?? i }));
    keyed.sort((x, y) => x.k - y.k);
    return {
      title,
      image: image ? `${image[0]}.${image[1]}` : null,
      chrome,
      leadParagraphs: summary ? [] : lead,
      blocks: keyed.map((x) => x.b),
    };
  });

// ---- rendering --------------------------------------------------------------------------------------------

export interface Rendered {
  lines: string[];
  expected: Profile;
}

/** Writes the page as an export would, and the Profile the parser must produce from it. */
export function renderPage(model: PageModel): Rendered {
  const lines: string[] = [];
  const add = (text: string) => {
    lines.push(text);
    return lines.length;
  };
  const blank = () => add('');
  const addParagraphs = (paragraphs: ParagraphModel[]): Paragraph[] =>
    paragraphs.map((p) => {
      const line = add(p[0]!);
      for (const rest of p.slice(1)) add(rest);
      blank();
      return { text: p.join(' '), line, lineCount: p.length };
    });

  if (model.chrome) {
    add('top of page');
    blank();
  }
  const expected: Profile = {
    id: 'generated',
    file: GENERATED_FILE,
    name: model.title,
    nameLine: add(model.title),
    image: null,
    summary: null,
    interests: null,
    relationships: null,
    sections: [],
  };
  blank();
  if (model.image) {
    expected.image = { file: model.image, line: add(model.image) };
    blank();
  }
  if (model.leadParagraphs.length > 0) {
    const paragraphs = addParagraphs(model.leadParagraphs);
    expected.summary = { heading: null, line: paragraphs[0]!.line, paragraphs };
  }
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'summary': {
        const line = add(block.heading);
        blank();
        expected.summary = { heading: block.heading, line, paragraphs: addParagraphs(block.paragraphs) };
        break;
      }
      case 'interests': {
        const line = add(block.heading);
        blank();
        const intro = addParagraphs(block.intro);
        const items = block.items.map((item, i) => {
          const itemLine = add(`${i + 1}${item.separator}${item.title}`);
          blank();
          return { number: i + 1, title: item.title, line: itemLine, body: addParagraphs(item.body) };
        });
        expected.interests = { heading: block.heading, line, intro, items };
        break;
      }
      case 'relationships': {
        const line = add(block.heading);
        blank();
        const categories = block.categories.map((c) => {
          const categoryLine = add(c.name);
          if (block.spaced) blank();
          const codes = c.codes.map((x) => ({ code: x, line: add(x) }));
          blank();
          return { name: c.name, line: categoryLine, codes };
        });
        expected.relationships = { heading: block.heading, line, categories };
        break;
      }
      case 'generic': {
        const line = add(block.heading);
        blank();
        expected.sections.push({ heading: block.heading, line, paragraphs: addParagraphs(block.paragraphs) });
        break;
      }
    }
  }
  if (model.chrome) add('bottom of page');
  return { lines, expected };
}

// ---- line endings and mutations -------------------------------------------------------------------------

export type Ending = '\n' | '\r\n' | '\r';
export const ending = fc.constantFrom<Ending>('\n', '\r\n', '\r');

/** Joins lines; a lone CR before an empty line and a LF would merge into one CRLF, so that case is avoided. */
export function joinLines(lines: readonly string[], endings: readonly Ending[]): string {
  return lines
    .map((l, i) => {
      const e = endings[i % Math.max(endings.length, 1)] ?? '\n';
      return l + (e === '\r' && lines[i + 1] === '' ? '\n' : e);
    })
    .join('');
}

/** Lines a hand edit could bring in: anything the parser gives a meaning to, and noise. */
export const strayLine = fc.oneof(
  fc.constantFrom(
    '',
    'top of page',
    'Bottom of Page',
    'Profile',
    'KEY INTERESTS & PRIORITIES',
    'Key Interests and Priorities:',
    'relationships',
    'Relations',
    'Allies',
    'AAOS',
    'Partners:',
    'Neutral Parties',
    'History',
    'None',
    'N/A',
    'Under Review',
    'RUS',
    'rus',
    'R.U.S',
    '12',
    'RUSSIAN',
    'Rus',
    '1. Harbour Tolls',
    '7) Gap',
    '0. Zero',
    'Vessaria.png',
    '\t \t',
    '\uFEFF',
    ':',
    'The lake guard reports to the assembly.',
  ),
  capitalised,
  code,
  proseLine,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

export type Mutation =
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'upper' | 'lower'; at: number }
  | { kind: 'pad'; at: number; left: string; right: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: strayLine }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('upper' as const, 'lower' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('pad' as const),
    at: fc.nat(),
    left: fc.constantFrom('', '\t', '  ', '\t \t'),
    right: fc.constantFrom('', '\t', ' ', '  \t'),
  }),
);

export function mutate(lines: readonly string[], mutations: readonly Mutation[]): string[] {
  const out = [...lines];
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    switch (m.kind) {
      case 'insert':
        out.splice(m.at % (out.length + 1), 0, m.line);
        break;
      case 'delete':
        out.splice(at, 1);
        break;
      case 'duplicate':
        if (out[at] !== undefined) out.splice(at, 0, out[at]!);
        break;
      case 'upper':
      case 'lower':
        if (out[at] !== undefined)
          out[at] = m.kind === 'upper' ? out[at]!.toUpperCase() : out[at]!.toLowerCase();
        break;
      case 'pad':
        if (out[at] !== undefined) out[at] = `${m.left}${out[at]}${m.right}`;
        break;
    }
  }
  return out;
}
