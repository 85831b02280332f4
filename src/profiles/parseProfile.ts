// Parses one page export into a Profile. Reads exactly what the page says and accounts for every line: each
// non-blank line that is not page chrome lands in one element of the profile or in a diagnostic.

import {
  actorCode,
  isHeadingLike,
  isImageFileName,
  knownSection,
  numberedItem,
  sameCategoryName,
} from './lineKinds.ts';
import type {
  Diagnostic,
  GenericSection,
  Interest,
  Paragraph,
  Profile,
  RelationshipCategory,
} from './schema.ts';
import { decodeProfileBytes, isPageChrome, type SourceLine } from './sourceText.ts';

/** The categories of the seed: an all-capitals line that names one is a heading, not a code. */
export const DEFAULT_CATEGORY_NAMES = ['Allies', 'Partners', 'Rivals', 'Adversaries', 'AAOs'];

export interface ParseOptions {
  /** Path shown in diagnostics, relative to the data directory. */
  file: string;
  /** Profile id; defaults to the slug of the file name. */
  id?: string;
  /** Category names known to the directory. */
  categoryNames?: readonly string[];
}

export interface ParseResult {
  profile: Profile | null;
  diagnostics: Diagnostic[];
}

/** Ids travel in button custom_ids (100 characters at most), so they stay short. */
export const MAX_ID_LENGTH = 48;

export function profileIdFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return slugify(base.replace(/\.[^.]*$/, ''));
}

export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, MAX_ID_LENGTH)
      .replace(/^-+|-+$/g, '') || 'profile'
  );
}

type Section =
  | { kind: 'summary'; target: NonNullable<Profile['summary']> }
  | { kind: 'interests'; target: NonNullable<Profile['interests']>; item: Interest | null }
  | {
      kind: 'relationships';
      target: NonNullable<Profile['relationships']>;
      category: RelationshipCategory | null;
    }
  | { kind: 'generic'; target: GenericSection };

export function parseProfile(input: Uint8Array | string, options: ParseOptions): ParseResult {
  const { file } = options;
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, message: string) =>
    diagnostics.push({ severity: 'error', file, line, message });
  const warn = (line: number, message: string) =>
    diagnostics.push({ severity: 'warning', file, line, message });

  const decoded = decodeProfileBytes(typeof input === 'string' ? new TextEncoder().encode(input) : input);
  if (!decoded.ok) {
    error(decoded.line, decoded.message);
    return { profile: null, diagnostics };
  }
  // Blank lines stay (as '') because they separate paragraphs; page chrome goes.
  const lines: SourceLine[] = decoded.lines.map((l) => (isPageChrome(l.text) ? { ...l, text: '' } : l));
  const categoryNames = options.categoryNames ?? DEFAULT_CATEGORY_NAMES;
  const isKnownCategory = (text: string) => categoryNames.some((c) => sameCategoryName(c, text));

  const content = lines.filter((l) => l.text !== '');
  const titleLine = content[0];
  if (!titleLine) {
    error(1, 'file is empty');
    return { profile: null, diagnostics };
  }
  if (knownSection(titleLine.text) || isImageFileName(titleLine.text)) {
    error(titleLine.number, `no title: the page starts with "${titleLine.text}" instead of the actor's name`);
    return { profile: null, diagnostics };
  }

  const profile: Profile = {
    id: options.id ?? profileIdFromFile(file),
    file,
    name: titleLine.text,
    nameLine: titleLine.number,
    image: null,
    summary: null,
    interests: null,
    relationships: null,
    sections: [],
  };

  let index = lines.indexOf(titleLine) + 1;
  const imageCandidate = nextContent(lines, index);
  if (imageCandidate && isImageFileName(imageCandidate.line.text)) {
    profile.image = { file: imageCandidate.line.text, line: imageCandidate.line.number };
    index = imageCandidate.index + 1;
  }

  let section: Section | null = null;
  let paragraph: Paragraph | null = null;
  let previousBlank = true;

  const paragraphsOf = (s: Section | null): Paragraph[] => {
    if (!s) {
      profile.summary ??= { heading: null, line: paragraphStartLine, paragraphs: [] };
      section = { kind: 'summary', target: profile.summary };
      return profile.summary.paragraphs;
    }
    switch (s.kind) {
      case 'summary':
        return s.target.paragraphs;
      case 'interests':
        return s.item ? s.item.body : s.target.intro;
      case 'generic':
        return s.target.paragraphs;
      case 'relationships':
        return [];
    }
  };
  let paragraphStartLine = 1;

  const startKnownSection = (kind: 'summary' | 'interests' | 'relationships', line: SourceLine) => {
    if (kind === 'summary') {
      if (profile.summary) {
        warn(line.number, `second "${line.text}" section: its paragraphs are added to the summary`);
      } else {
        profile.summary = { heading: line.text, line: line.number, paragraphs: [] };
      }
      section = { kind, target: profile.summary };
    } else if (kind === 'interests') {
      if (profile.interests) {
        warn(line.number, `second "${line.text}" section: its items are added to the key interests`);
      } else {
        profile.interests = { heading: line.text, line: line.number, intro: [], items: [] };
      }
      section = { kind, target: profile.interests, item: null };
    } else {
      if (profile.relationships) {
        warn(line.number, `second "${line.text}" section: its categories are added to the relationships`);
      } else {
        profile.relationships = { heading: line.text, line: line.number, categories: [] };
      }
      section = { kind, target: profile.relationships, category: null };
    }
  };

  // Whether the next numbered line after `from`, before any known heading, is the interest after `item`. The
  // answer holds for every line up to the line that decided it, so long pages are scanned once.
  let lookahead = { until: -1, goesOn: false };
  const interestsGoOn = (from: number, item: Interest): boolean => {
    if (from > lookahead.until) {
      let i = from;
      let goesOn = false;
      for (; i < lines.length; i++) {
        const text = lines[i]!.text;
        if (text === '') continue;
        if (knownSection(text)) break;
        const numbered = numberedItem(text);
        if (numbered) {
          goesOn = numbered.number === item.number + 1;
          break;
        }
      }
      lookahead = { until: i, goesOn };
    }
    return lookahead.goesOn;
  };

  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.text === '') {
      paragraph = null;
      previousBlank = true;
      continue;
    }
    const wasBlank = previousBlank;
    previousBlank = false;
    const current = section as Section | null;

    const known = knownSection(line.text);
    if (known) {
      paragraph = null;
      startKnownSection(known, line);
      continue;
    }

    // A title-like line alone between blank lines, with content after it, opens a section the format does not
    // name; inside an interest, one the interests go on after (or a known heading follows) is that interest's body.
    const following = nextContent(lines, index + 1)?.line.text;
    const opensSection =
      wasBlank &&
      (lines[index + 1]?.text ?? '') === '' &&
      following !== undefined &&
      isHeadingLike(line.text) &&
      !actorCode(line.text) &&
      !(
        current?.kind === 'interests' &&
        current.item &&
        (knownSection(following) || interestsGoOn(index + 1, current.item))
      );

    if (current?.kind === 'relationships') {
      const next = following;
      const headingHere =
        (isKnownCategory(line.text) || (isHeadingLike(line.text) && /\p{Ll}|:$/u.test(line.text))) &&
        !actorCode(line.text.replace(/:$/, ''));
      const startsProse = next !== undefined && isProse(next, isKnownCategory);
      // A category the directory knows is one even when prose follows it (the prose is then reported below);
      // an unknown title-like line followed by prose starts a section the format does not name.
      if (isKnownCategory(line.text) || (headingHere && !startsProse)) {
        const name = line.text.replace(/:$/, '');
        const existing = current.target.categories.find((c) => c.name === name);
        if (existing)
          warn(line.number, `category "${name}" appears twice: its codes are added to the first one`);
        const category = existing ?? { name, line: line.number, codes: [] };
        if (!existing) current.target.categories.push(category);
        current.category = category;
        continue;
      }
      const code = isKnownCategory(line.text) ? undefined : actorCode(line.text);
      if (code) {
        if (!current.category) {
          warn(line.number, `code ${code} is not under a category heading, so its relationship is unknown`);
          continue;
        }
        const category = current.category;
        if (category.codes.some((c) => c.code === code)) {
          warn(line.number, `${code} is listed twice under ${category.name}; the repeat is ignored`);
          continue;
        }
        const elsewhere = current.target.categories.find(
          (c) => c !== category && c.codes.some((x) => x.code === code),
        );
        if (elsewhere)
          warn(line.number, `${code} is listed under both ${elsewhere.name} and ${category.name}`);
        category.codes.push({ code, line: line.number });
        continue;
      }
      if (!(opensSection && startsProse)) {
        error(line.number, `"${clip(line.text)}" is not an actor code (2–6 letters or digits, e.g. RUS)`);
        continue;
      }
      // A title followed by prose after the relationships: a new section the format does not name.
    }

    if (current?.kind === 'interests') {
      const item = numberedItem(line.text);
      if (item) {
        paragraph = null;
        const items = current.target.items;
        const previous = items[items.length - 1];
        const expected = previous ? previous.number + 1 : 1;
        if (item.number !== expected) {
          warn(
            line.number,
            `interest numbered ${item.number} where ${expected} was expected; kept as written`,
          );
        }
        const interest: Interest = { number: item.number, title: item.title, line: line.number, body: [] };
        items.push(interest);
        current.item = interest;
        continue;
      }
    }

    if (opensSection) {
      paragraph = null;
      const generic: GenericSection = {
        heading: line.text.replace(/:$/, ''),
        line: line.number,
        paragraphs: [],
      };
      profile.sections.push(generic);
      section = { kind: 'generic', target: generic };
      continue;
    }

    if (paragraph) {
      paragraph.text = `${paragraph.text} ${line.text}`;
      paragraph.lineCount = line.number - paragraph.line + 1;
      continue;
    }
    paragraphStartLine = line.number;
    paragraph = { text: line.text, line: line.number, lineCount: 1 };
    paragraphsOf(current).push(paragraph);
  }

  return { profile, diagnostics };
}

function nextContent(lines: SourceLine[], from: number): { line: SourceLine; index: number } | undefined {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text !== '') return { line, index: i };
  }
  return undefined;
}

/** A line of running text rather than a heading or a code. */
function isProse(text: string, isKnownCategory: (t: string) => boolean): boolean {
  if (isKnownCategory(text) || knownSection(text) || actorCode(text)) return false;
  return !isHeadingLike(text);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
