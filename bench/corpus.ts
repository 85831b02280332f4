// Deterministic synthetic data directory shaped like the seed profile: a title, an image, a Profile summary,
// numbered Key Interests each with a paragraph, Relationships under the five categories with 2–4-letter codes
// (about 6 searchable sections per profile), and an actors.yaml directory with names and aliases.
// A few fixed actors make the ranking rules testable: "Tajikar" and "Tajarin" (name prefixes of "taj"),
// an unrelated actor whose code is TAJ (exact code) and one whose code is TAJR (code prefix).
import { slugify } from '../src/profiles/parseProfile.ts';
import { normalizeKey } from '../src/search/normalize.ts';
import { CATEGORIES } from '../tests/engine/corpora.ts';
import { ProseWriter } from './prose.ts';
import { intBetween, pick, type Random, seeded, zipf } from './random.ts';
import { properName, proseVocabulary } from './vocabulary.ts';

export interface GeneratedActor {
  code: string;
  name: string;
  kind: string;
  flag?: string;
  aliases: string[];
  /** Profile id (the slug of the name) when the actor has a profile. */
  profileId?: string;
}

export interface GeneratedCorpus {
  size: number;
  actors: GeneratedActor[];
  /** File name (in profiles/) → page export text. */
  files: Map<string, string>;
  actorsYaml: string;
  probes: Probes;
  /** Frequent-to-middling words, for varied search queries. */
  searchWords: string[];
}

/** Queries and actors the benchmarks ask about, chosen from the generated data. */
export interface Probes {
  /** Three of the most frequent words: an AND query over thousands of sections. */
  commonQuery: string;
  /** Three of the rarest words of one summary: a query that finds a handful of sections. */
  rareQuery: string;
  /** The most frequent first letter of actor names: the widest one-character prefix. */
  oneLetter: string;
  prefix: 'taj';
  misspelling: 'tadjikar';
  /** Profile id of the actor with the seed's 13 relationships (1 ally, 7 partners, 5 AAOs). */
  seedLikeProfileId: string;
}

export const SPECIAL = {
  tajikar: { code: 'TKR', name: 'Tajikar', kind: 'state', aliases: ['Republic of Tajikar', 'Tajikari'] },
  tajarin: { code: 'TJN', name: 'Tajarin', kind: 'non-state armed group', aliases: ['Tajarin Front'] },
  /** Its code is what a user types to mean Tajikar: the exact code must still rank first. */
  codeTaj: { code: 'TAJ', name: 'Orvesh Assembly', kind: 'organisation', aliases: ['Orvesh Council'] },
  codeTajr: { code: 'TAJR', name: 'Welmar Guild', kind: 'organisation', aliases: [] },
} as const;

/** Share of the listed codes each category gets; Rivals and Adversaries are often empty, as in the seed. */
const CATEGORY_WEIGHTS = [0.1, 0.45, 0.08, 0.12, 0.25];
const KINDS = ['state', 'state', 'state', 'non-state armed group', 'organisation', 'political movement'];
const FLAGS = ['🇦🇩', '🇧🇹', '🇨🇻', '🇩🇲', '🇫🇯', '🇬🇩', '🇰🇮', '🇱🇸', '🇲🇻', '🇳🇷'];
const SUFFIXES = ['Front', 'Union', 'League', 'Council', 'Movement', 'Network', 'Alliance'];
const EXTRA_SECTIONS = ['Outlook', 'Recent Developments', 'Regional Posture'];
/** Actors without a profile that profiles still list, as RUS or FRA are in the seed. */
const EXTRA_ACTOR_SHARE = 0.15;
const VOCABULARY_SIZE = 50_000;

export function generateCorpus(size: number, seed = 20_240_601): GeneratedCorpus {
  const random = seeded(seed);
  const vocabulary = proseVocabulary(random, VOCABULARY_SIZE);
  // The most frequent content word is ~0.8% of words, as in real prose once stop words are set aside.
  const nextWord = zipf(random, vocabulary.length, 1.05, 20);
  const actors = generateActors(random, size + Math.ceil(size * EXTRA_ACTOR_SHARE), size);
  // Popularity of being listed: a few actors are listed by almost everyone, most by a handful.
  const listedRank = zipf(random, actors.length, 0.95);
  const popularity = shuffled(
    random,
    actors.map((_, i) => i),
  );

  const writer = new ProseWriter(random, vocabulary, nextWord);
  const files = new Map<string, string>();
  let rareQuery = '';
  for (const actor of actors) {
    if (!actor.profileId) continue;
    const seedLike = actor.code === SPECIAL.tajikar.code;
    const listed = seedLike ? [1, 7, 0, 0, 5] : categoryCounts(random, intBetween(random, 8, 18));
    const codes = distinctCodes(
      random,
      actors,
      actor,
      listed.reduce((a, b) => a + b, 0),
      () => popularity[listedRank()]!,
    );
    const summary = writer.paragraphs(intBetween(random, 120, 320), codes.names);
    if (seedLike) rareQuery = writer.rarestWords(summary, 3).join(' ');
    files.set(`${actor.profileId}.txt`, profileText(random, writer, actor, summary, listed, codes.codes));
  }

  return {
    size,
    actors,
    files,
    actorsYaml: directoryYaml(actors),
    probes: {
      commonQuery: vocabulary.slice(0, 3).join(' '),
      rareQuery,
      oneLetter: mostCommonInitial(actors),
      prefix: 'taj',
      misspelling: 'tadjikar',
      seedLikeProfileId: slugify(SPECIAL.tajikar.name),
    },
    searchWords: vocabulary.slice(0, 5000),
  };
}

function generateActors(random: Random, total: number, withProfile: number): GeneratedActor[] {
  const keys = new Set<string>();
  const claim = (text: string) => {
    const key = normalizeKey(text);
    if (keys.has(key) || keys.has(slugify(text))) return false;
    keys.add(key);
    keys.add(slugify(text));
    return true;
  };
  const actors: GeneratedActor[] = [];
  for (const special of Object.values(SPECIAL)) {
    claim(special.code);
    claim(special.name);
    for (const alias of special.aliases) claim(alias);
    actors.push({ ...special, aliases: [...special.aliases] });
  }
  // "AAOS" would read as the AAOs category heading, not as a code.
  keys.add('aaos');
  while (actors.length < total) {
    const kind = pick(random, KINDS);
    const base = properName(random);
    const name = kind === 'state' || random() < 0.4 ? base : `${base} ${pick(random, SUFFIXES)}`;
    if (!claim(name)) continue;
    const aliases: string[] = [];
    const tryAlias = (alias: string) => {
      if (claim(alias)) aliases.push(alias);
    };
    if (kind === 'state') {
      if (random() < 0.5) tryAlias(`Republic of ${base}`);
      if (random() < 0.3) tryAlias(`${base}ian`);
      if (random() < 0.6) tryAlias(properName(random));
    } else if (random() < 0.5) {
      tryAlias(`${base} ${pick(random, SUFFIXES)}`);
    }
    const actor: GeneratedActor = { code: newCode(random, base, claim), name, kind, aliases };
    if (kind === 'state') actor.flag = pick(random, FLAGS);
    actors.push(actor);
  }
  for (const actor of actors.slice(0, withProfile)) actor.profileId = slugify(actor.name);
  return actors;
}

/** 2–4 capitals, from the name when free (as RUS is), otherwise made up. */
function newCode(random: Random, base: string, claim: (text: string) => boolean): string {
  const letters = base.toUpperCase().replace(/[^A-Z]/g, '');
  const candidates = [letters.slice(0, 3), letters.slice(0, 2) + letters.slice(-1), letters.slice(0, 4)];
  if (random() < 0.05) candidates.unshift(letters.slice(0, 2));
  for (const c of candidates) if (c.length >= 2 && claim(c)) return c;
  for (;;) {
    const length = random() < 0.6 ? 3 : 4;
    let code = '';
    for (let i = 0; i < length; i++) code += String.fromCharCode(65 + Math.floor(random() * 26));
    if (claim(code)) return code;
  }
}

function categoryCounts(random: Random, total: number): number[] {
  const counts = CATEGORY_WEIGHTS.map(() => 0);
  for (let i = 0; i < total; i++) {
    let r = random();
    let c = 0;
    while (c < CATEGORY_WEIGHTS.length - 1 && r >= CATEGORY_WEIGHTS[c]!) r -= CATEGORY_WEIGHTS[c++]!;
    counts[c]!++;
  }
  return counts;
}

function distinctCodes(
  random: Random,
  actors: GeneratedActor[],
  self: GeneratedActor,
  count: number,
  nextIndex: () => number,
): { codes: string[]; names: string[] } {
  const chosen = new Set<GeneratedActor>();
  let attempts = 0;
  while (chosen.size < count) {
    // After many repeats of the popular few, fall back to uniform so small corpora still fill the list.
    const other = attempts++ < count * 4 ? actors[nextIndex()]! : pick(random, actors);
    if (other !== self) chosen.add(other);
  }
  const list = [...chosen];
  return { codes: list.map((a) => a.code), names: list.map((a) => a.name) };
}

function profileText(
  random: Random,
  writer: ProseWriter,
  actor: GeneratedActor,
  summary: string[],
  listed: number[],
  codes: string[],
): string {
  const out: string[] = [
    'top of page',
    '',
    actor.name,
    '',
    `${actor.name.split(' ')[0]}.png`,
    '',
    'Profile',
    '',
  ];
  for (const p of summary) out.push(p, '');
  out.push('Key Interests & Priorities', '');
  const interests = intBetween(random, 3, 5);
  for (let i = 1; i <= interests; i++) {
    out.push(`${i}. ${writer.title()}`, '');
    for (const p of writer.paragraphs(intBetween(random, 40, 200), [])) out.push(p, '');
  }
  if (random() < 0.2) {
    out.push(pick(random, EXTRA_SECTIONS), '');
    for (const p of writer.paragraphs(intBetween(random, 40, 120), [])) out.push(p, '');
  }
  out.push('Relationships', '');
  let next = 0;
  CATEGORIES.forEach((category, c) => {
    out.push(category.name, '');
    const mine = codes.slice(next, next + listed[c]!);
    next += mine.length;
    if (mine.length > 0) out.push(...mine, '');
  });
  out.push('bottom of page');
  return out.join('\n');
}

function directoryYaml(actors: GeneratedActor[]): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = ['# Synthetic actor directory for benchmarks.', 'categories:'];
  for (const c of CATEGORIES) {
    lines.push(`  - name: ${q(c.name)}`);
    if (c.meaning) lines.push(`    meaning: ${q(c.meaning)}`);
    lines.push(`    polarity: ${c.polarity}`, `    colour: ${q(c.colour)}`);
  }
  lines.push('actors:');
  for (const a of actors) {
    lines.push(`  - code: ${a.code}`, `    name: ${q(a.name)}`, `    kind: ${a.kind}`);
    if (a.flag) lines.push(`    flag: ${q(a.flag)}`);
    lines.push(`    aliases: [${a.aliases.map(q).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function mostCommonInitial(actors: GeneratedActor[]): string {
  const counts = new Map<string, number>();
  for (const a of actors) {
    const c = a.name.charAt(0).toLowerCase();
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

function shuffled<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
