// fast-check generators for the render properties: fictional profiles with long paragraphs, many interests and
// up to 200 listed codes, text mixing emoji, CJK, right-to-left scripts, combining marks and markdown, and a
// directory that knows most of the codes. Sizes are skewed small so a run stays quick, with some very long texts.
import fc from 'fast-check';
import { ACTOR_KINDS } from '../../src/profiles/directory.ts';
import type { Profile } from '../../src/profiles/schema.ts';
import { type ActorSpec, type CorpusSpec, makeProfile, type ProfileSpec } from '../engine/corpora.ts';

/** Pieces of text worth mixing: scripts, emoji sequences, combining marks, markdown, mentions and links. */
export const PIECES = [
  'harbour',
  'Vessaria',
  'tolls',
  'Émigrés',
  'naïve',
  'e\u0301',
  'a\u0308\u0323',
  'Z̤̈',
  '湖の国',
  '北港',
  '섬나라',
  'مرفأ',
  'נמל',
  'λίμνη',
  'Ѵессария',
  '🦆',
  '🇦🇶',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  '1️⃣',
  '𝔄𝔅',
  '**bold**',
  '__under__',
  '~~gone~~',
  '`tick`',
  '```',
  '||spoiler||',
  '*',
  '_',
  '\\',
  '\\\\',
  '\\*',
  '<',
  '>',
  '[',
  ']',
  '[link](https://example.org/a_b)',
  '#',
  '##',
  '-#',
  '-',
  '+',
  '1.',
  '2)',
  '> quote',
  '@everyone',
  '@here',
  '<@&1234567890123456789>',
  '<@123456789012345678>',
  'https://example.org',
  'discord.gg/abc',
  '30%',
  '—',
  '«quoted»',
  ':',
  '.',
];

/** One grapheme-ish piece: mostly from the list, sometimes random. Never the ellipsis (pages mark cuts with it). */
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
);

const noEllipsis = (s: string) => s.replace(/…/g, '.');
/** As the parser gives text: one line, single spaces, trimmed, never empty. */
const oneLine = (s: string, fallback: string) => {
  const t = noEllipsis(s).replace(/\s+/g, ' ').trim();
  return t.length > 0 ? t : fallback;
};

/** Text of about `length` code points, cycling through a few pieces; `sep` '' makes one long word. */
function cycle(pieces: readonly string[], sep: string, length: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < length; i++) {
    const p = pieces[i % pieces.length]!;
    out.push(p, sep);
    n += [...p].length + sep.length;
  }
  return [...out.join('')].slice(0, length).join('');
}

export function textOf(minLength: number, maxLength: number, allowNoSpaces = true): fc.Arbitrary<string> {
  return fc
    .record({
      pieces: fc.array(piece, { minLength: 1, maxLength: 24 }),
      length: fc.integer({ min: minLength, max: maxLength }),
      sep: allowNoSpaces ? fc.constantFrom(' ', ' ', ' ', ' ', '') : fc.constant(' '),
    })
    .map(({ pieces, length, sep }) => oneLine(cycle(pieces, sep, length), 'Text'));
}

/** A paragraph: usually short, sometimes up to ~20,000 code points. */
export const paragraph = fc.oneof(
  { weight: 8, arbitrary: textOf(1, 400) },
  { weight: 2, arbitrary: textOf(400, 4000) },
  { weight: 1, arbitrary: textOf(4000, 20_000) },
);

export const title = (max: number) =>
  fc.oneof({ weight: 4, arbitrary: textOf(1, Math.min(40, max)) }, { weight: 1, arbitrary: textOf(1, max) });

/** Mostly short, sometimes anywhere up to `maxLength` (left alone, fast-check keeps arrays short). */
function upTo<T>(item: fc.Arbitrary<T>, maxLength: number): fc.Arbitrary<T[]> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.array(item, { maxLength }) },
    { weight: 1, arbitrary: fc.array(item, { maxLength, size: 'max' }) },
  );
}

const CODE_RE = /^[A-Z][A-Z0-9]{1,5}$/;
const code = fc.stringMatching(CODE_RE);
export const SUBJECT_CODE = 'ZZ0';

const CATEGORY_NAMES = [
  'Allies',
  'Partners',
  'Rivals',
  'Adversaries',
  'AAOs',
  'allies',
  'Frenemies',
  'Sponsors_*of*_',
  '湖の仲間',
  'Proxies <@&1>',
];

export interface World {
  spec: CorpusSpec;
  /** The profile under test (id `generated`). */
  profile: Profile;
  /** Every listed code, and which ones the directory knows. */
  codes: string[];
  known: Set<string>;
}

export interface WorldOptions {
  maxCodes?: number;
  maxInterests?: number;
  /** Extra small profiles that list codes of the pool (for `toward`). */
  maxListers?: number;
}

export function world(options: WorldOptions = {}): fc.Arbitrary<World> {
  const { maxCodes = 200, maxInterests = 40, maxListers = 0 } = options;
  const actorSpec = (c: string) =>
    fc
      .record({
        name: title(100),
        flag: fc.option(fc.constantFrom('🇦🇶', '🏴', '🏳️', '🏳️‍🌈'), { nil: undefined }),
        aliases: fc.array(title(80), { maxLength: 3 }),
        kind: fc.constantFrom(...ACTOR_KINDS),
        known: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.9),
      })
      .map((a) => ({ ...a, code: c }));
  return fc
    .oneof(
      { weight: 2, arbitrary: fc.uniqueArray(code, { maxLength: maxCodes }) },
      { weight: 1, arbitrary: fc.uniqueArray(code, { maxLength: maxCodes, size: 'max' }) },
    )
    .map((cs) => cs.filter((c) => c !== SUBJECT_CODE && !c.startsWith('ZL')))
    .chain((codes) =>
      fc.record({
        codes: fc.constant(codes),
        actors: fc.tuple(...codes.map(actorSpec)),
        categories: fc.uniqueArray(fc.constantFrom(...CATEGORY_NAMES), { minLength: 1, maxLength: 8 }),
        placement: fc.array(fc.nat(), { minLength: codes.length, maxLength: codes.length }),
        profile: fc.record({
          name: title(120),
          image: fc.option(fc.constantFrom('Flag.png', 'flag_*of*_湖.png'), { nil: undefined }),
          subjectName: title(100),
          aliases: fc.array(title(80), { maxLength: 4 }),
          summary: fc.option(fc.array(paragraph, { maxLength: 4 }), { nil: undefined }),
          interests: fc.option(
            fc.record({
              heading: fc.constantFrom(
                'Key Interests & Priorities',
                'Key Interests',
                'Interests and Priorities',
              ),
              intro: fc.array(paragraph, { maxLength: 2 }),
              items: upTo(
                fc.record({ title: title(300), body: fc.array(paragraph, { maxLength: 2 }) }),
                maxInterests,
              ),
            }),
            { nil: undefined },
          ),
          hasRelationships: fc.boolean(),
          sections: fc.array(
            fc.record({ heading: title(120), paragraphs: fc.array(paragraph, { maxLength: 3 }) }),
            {
              maxLength: 6,
            },
          ),
        }),
        listers: upTo(
          fc.record({ name: title(60), picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }) }),
          maxListers,
        ),
      }),
    )
    .map(({ codes, actors, categories, placement, profile: p, listers }) => {
      const byCategory = categories.map((name) => ({ name, codes: [] as string[] }));
      codes.forEach((c, i) => {
        byCategory[placement[i]! % byCategory.length]!.codes.push(c);
      });
      const spec: ProfileSpec = {
        id: 'generated',
        name: p.name,
        image: p.image,
        summary: p.summary,
        interests: p.interests,
        relationships: p.hasRelationships || codes.length > 0 ? { categories: byCategory } : undefined,
        sections: p.sections,
      };
      const profile = makeProfile(spec);
      const directoryActors: ActorSpec[] = [
        { code: SUBJECT_CODE, name: p.subjectName, aliases: p.aliases, profile: 'generated', flag: '🏴' },
        ...actors.filter((a) => a.known).map(({ known: _, ...a }) => a),
      ];
      const pool = [SUBJECT_CODE, ...codes];
      const listerProfiles = listers.map((l, i) => {
        const id = `lister-${i}`;
        const code = `ZL${i}`;
        directoryActors.push({ code, name: l.name, profile: id });
        const cats = new Map<string, string[]>();
        for (const [c, k] of l.picks) {
          const name = CATEGORY_NAMES[k % CATEGORY_NAMES.length]!;
          const listed = pool[c % pool.length]!;
          const list = cats.get(name) ?? [];
          if (!list.includes(listed)) list.push(listed);
          cats.set(name, list);
        }
        return makeProfile({
          id,
          name: l.name,
          relationships: { categories: [...cats].map(([name, cs]) => ({ name, codes: cs })) },
        });
      });
      return {
        spec: { actors: directoryActors, profiles: [profile, ...listerProfiles] },
        profile,
        codes,
        known: new Set(actors.filter((a) => a.known).map((a) => a.code)),
      };
    });
}
